import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// Mail benchmark: 2,000 follow-ups queued in a temporary SQLite database and sent by the outbox
// worker to an in-process SMTP server. Prints a small markdown table (time and peak memory);
// `npm run bench` appends it to its report. Usage: npx tsx scripts/bench-mail.ts [count]

const COUNT = Number(process.argv[2] ?? 2000);

async function main() {
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
  const { createTransport } = await import("~/domain/mail/transport.server");
  const { drainOutbox } = await import("~/domain/mail/worker.server");
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
  const transport = createTransport(`smtp://127.0.0.1:${port}?max_connections=5`);
  const result = await drainOutbox({ transport, batchSize: 100 });
  const t2 = performance.now();
  transport.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.info(`\n### Mail: ${COUNT} follow-ups through the outbox\n`);
  console.info("| step | time | result |");
  console.info("|---|---|---|");
  console.info(`| draft ${COUNT} messages (render per agency, write outbox) and release | ${s(t1 - t0)} | ${draft!.recipients} drafted |`);
  console.info(`| worker sends to a local SMTP server (pool of 5) | ${s(t2 - t1)} | ${result.sent} sent, ${result.failed} failed, ${received} received (${(result.sent / ((t2 - t1) / 1000)).toFixed(0)}/s) |`);
  console.info(`| peak memory (RSS) | | ${peakMb} MB |`);
  if (result.sent !== COUNT || received !== COUNT) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
