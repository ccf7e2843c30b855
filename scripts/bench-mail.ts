import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// Mail benchmark: 2,000 follow-ups drafted in a temporary SQLite database and sent by the outbox
// worker, in its own process as `npm run worker` runs, to an SMTP server in this process. Prints a
// small markdown table (times, the worker's peak memory); `npm run bench` appends it to its report.
// Usage: npx tsx scripts/bench-mail.ts [count]   (`--send <port>` is the worker half, run by the bench)

const COUNT = Number(process.argv[2] ?? 2000);

/** The worker half: drains the outbox of DATABASE_URL to the SMTP port and prints what it did as JSON. */
async function send(port: number) {
  const { dbReady, db } = await import("~/utils/db.server");
  const { createTransport } = await import("~/domain/mail/transport.server");
  const { drainOutbox } = await import("~/domain/mail/worker.server");
  await dbReady();
  const t = performance.now();
  const transport = createTransport(`smtp://127.0.0.1:${port}?max_connections=5`);
  const result = await drainOutbox({ transport, batchSize: 100 });
  const seconds = (performance.now() - t) / 1000;
  transport.close();
  await db.$disconnect();
  console.info(JSON.stringify({ ...result, seconds, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function main() {
  if (process.argv[2] === "--send") return send(Number(process.argv[3]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-bench-mail-"));
  const file = path.join(dir, "bench.db");
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "ignore" });
  Object.assign(process.env, { DATABASE_URL: `file:${file}`, MAIL_WORKER: "off", APP_URL: "http://convene.bench", SESSION_SECRET: "bench-secret-bench-secret-bench" });
  delete process.env.SMTP_URL;

  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _s, cb) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  const port = (smtp.server.address() as AddressInfo).port;

  const { db, dbReady } = await import("~/utils/db.server");
  const { createFollowUpDraft, sendFollowUp } = await import("~/domain/mail/followups.server");
  const { followUpSchema } = await import("~/domain/mail/followup.schema");
  await dbReady();

  const agencies = await Promise.all(
    Array.from({ length: 25 }, (_, i) => db.agency.create({ data: { name: `Bench agency ${i}`, acronym: `BA${i}`, kind: "NATIONAL_AUTHORITY" } })),
  );
  const user = await db.user.create({ data: { email: "bench@example.org", name: "Bench", role: "SECRETARIAT" } });
  const meeting = await db.meeting.create({
    data: { slug: "bench", title: "Bench meeting", timeZone: "Europe/Brussels", startsAt: new Date("2026-06-04T07:00:00Z"), endsAt: new Date("2026-06-04T15:00:00Z"), status: "HELD" },
  });
  await db.registration.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      meetingId: meeting.id, agencyId: agencies[i % agencies.length].id, name: `Delegate ${i}`, email: `delegate-${i}@example.org`,
      emailNormalised: `delegate-${i}@example.org`, status: "CONFIRMED", attendance: "ATTENDED", manageTokenHash: crypto.randomUUID(),
    })),
  });
  const input = followUpSchema("Europe/Brussels").parse({
    subject: "Follow-up: Bench meeting", summary: "Thank you for attending the meeting.", documents: "https://example.org/report.pdf", audience: "ATTENDEES",
  });
  const actor = { id: user.id, role: "SECRETARIAT" as const, agencyId: null, name: user.name, email: user.email };

  const t0 = performance.now();
  const draft = await createFollowUpDraft(actor, meeting.id, input);
  await sendFollowUp(actor, meeting.id, draft!.id);
  const t1 = performance.now();
  const draftPeakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  const child = spawn("npx", ["tsx", "scripts/bench-mail.ts", "--send", String(port)], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.once("exit", r));
  const result = JSON.parse(out.trim().split("\n").pop()!) as { sent: number; failed: number; seconds: number; peakMb: number };
  await new Promise<void>((r) => smtp.close(() => r()));
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.info(`\n### Mail: ${COUNT} follow-ups through the outbox\n`);
  console.info("| step | time | result |");
  console.info("|---|---|---|");
  console.info(`| draft ${COUNT} messages (render per agency, write outbox) and release | ${s(t1 - t0)} | ${draft!.recipients} drafted |`);
  console.info(`| worker process sends to a local SMTP server (pool of 5) | ${s(result.seconds * 1000)} | ${result.sent} sent, ${result.failed} failed, ${received} received (${(result.sent / result.seconds).toFixed(0)}/s) |`);
  console.info(`| in all (draft + send) | ${s(t1 - t0 + result.seconds * 1000)} | |`);
  console.info(`| peak memory (RSS): worker process / drafting process | | ${result.peakMb} MB / ${draftPeakMb} MB |`);
  if (result.sent !== COUNT || received !== COUNT) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
