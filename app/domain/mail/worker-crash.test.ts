import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startSmtpServer, type TestSmtp } from "~/test/smtp";
import { queueTestMails } from "~/test/factories.mail";

// A real `npm run worker` process (scripts/worker.ts) against this test's SQLite file, killed with
// SIGKILL in the middle of a batch, then replaced by a fresh one.

let smtp: TestSmtp;
const children: ChildProcess[] = [];
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await smtp.close();
});

function startWorkerProcess(): ChildProcess {
  const child = spawn("npx", ["tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: "100",
      MAIL_LOCK_TIMEOUT_MS: "1500",
      MAIL_BATCH_SIZE: "25",
      NODE_ENV: "test",
    },
    stdio: ["ignore", "ignore", "inherit"],
    // its own process group, so the kill reaches tsx's node process and not only npx
    detached: true,
  });
  children.push(child);
  return child;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("a worker killed mid-batch loses nothing, and a message is re-sent only if it was in flight", async () => {
  const total = 400;
  await queueTestMails(total);
  const first = startWorkerProcess();
  await until(() => smtp.messages.length >= 60, 240_000, "the first worker to send");
  process.kill(-first.pid!, "SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const inFlight = await db.outboxMessage.findMany({ where: { status: "SENDING" }, select: { messageId: true } });
  const sentBeforeKill = await db.outboxMessage.count({ where: { status: "SENT" } });
  expect(sentBeforeKill).toBeLessThan(total);

  const second = startWorkerProcess();
  await until(async () => (await db.outboxMessage.count({ where: { status: "SENT" } })) === total, 240_000, "all mail to be sent");
  process.kill(-second.pid!, "SIGTERM");
  await new Promise((r) => second.once("exit", r));

  const counts = new Map<string, number>();
  for (const m of smtp.messages) counts.set(m.messageId!, (counts.get(m.messageId!) ?? 0) + 1);
  const rows = await db.outboxMessage.findMany({ select: { messageId: true, status: true } });
  // nothing lost: every outbox message arrived
  expect(rows.every((r) => r.status === "SENT" && counts.has(r.messageId))).toBe(true);
  expect(counts.size).toBe(total);
  // a duplicate is only possible for a message the SMTP server accepted in the instant before the
  // kill, and it carries the same Message-ID, so the recipient's mail system can drop it
  const allowed = new Set(inFlight.map((m) => m.messageId));
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  expect(duplicates.every((id) => allowed.has(id))).toBe(true);
}, 600_000);
