// Part of `npm run bench` (scripts/bench.ts), also runnable alone: `npx tsx scripts/bench-mail.ts`.
// A follow-up to 2,000 people who attended a held meeting, the way an organiser sends it: the follow-up form
// saves the draft (intent=save), the draft page sends it (intent=send), and the mail worker (`npm run worker`,
// its own process) delivers it to a local SMTP server in this process. Time is from the draft request to the
// last message received; the worker's peak memory is its VmHWM.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import fs from "node:fs";
import { SECRET, benchDb, buildDir, cpuMsOf, dbFile, memory, port, postForm, removeDb, startScript, startServer, stop, tsx, type Row } from "./bench-lib.ts";

const COUNT = 2000;

/** CPU seconds (user + sys) a process has used so far. */
const cpuSeconds = (pid: number | undefined) => cpuMsOf(pid) / 1000;

export async function benchMail(databaseUrl: string): Promise<Row[]> {
  const meeting = benchDb<{ id: string; recipients: number; domain: string }>(databaseUrl, "followup-meeting", String(COUNT));
  const organiser = benchDb<{ cookie: string }>(databaseUrl, "cookie", "organiser@example.org", SECRET).cookie;

  let received = 0;
  let lastAt = 0;
  let allIn: () => void = () => {};
  const done = new Promise<void>((resolve) => (allIn = resolve));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, cb) {
      const ours = session.envelope.rcptTo.filter((r) => r.address.endsWith(`@${meeting.domain}`)).length;
      // BENCH_MAIL_SAMPLE=<file>: keeps the first message received, to compare what the worker writes.
      const sample = process.env.BENCH_MAIL_SAMPLE && received === 0 && ours ? process.env.BENCH_MAIL_SAMPLE : null;
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => {
        if (sample) chunks.push(c);
      });
      stream.on("end", () => {
        if (sample && !fs.existsSync(sample)) fs.writeFileSync(sample, Buffer.concat(chunks));
        received += ours;
        lastAt = performance.now();
        if (received >= COUNT) allIn();
        cb();
      });
    },
  });
  // The worker's connections are reset when it is stopped; that is no failure of the figure.
  smtp.on("error", () => {});
  const smtpPort = await port();
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  const server = await startServer("mail-web", databaseUrl);
  // The worker as deployed (package.json's `worker` script), started before the organiser acts, polling every 200 ms.
  const worker = startScript("mail-worker", "worker", {
    DATABASE_URL: databaseUrl, REMIX_BUILD_DIR: buildDir, SMTP_URL: smtpUrl, DEV_MAILBOX: "off", SESSION_SECRET: SECRET, APP_URL: server.base, MAIL_POLL_MS: "200",
  });
  const rows: Row[] = [];
  try {
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    await Promise.race([new Promise((r) => setTimeout(r, 3000)), exited]);
    const workerGone = () => worker.exitCode !== null || worker.signalCode !== null;
    if (workerGone()) throw new Error("the mail worker stopped at start; see .tmp/bench-logs/mail-worker.log");
    const t0 = performance.now();
    const serverCpu0 = cpuSeconds(server.pid);
    const form = new URLSearchParams({
      intent: "save", subject: "Follow-up: what we agreed", summary: "Thank you for attending. The report and the next steps are linked below.",
      documents: "https://example.org/report.pdf", audience: "ATTENDEES",
    });
    const saved = await postForm(`${server.base}/admin/meetings/${meeting.id}/mail/follow-ups/new`, form, { Cookie: organiser });
    const draftUrl = saved.location;
    if (saved.status < 300 || saved.status >= 400 || !draftUrl) throw new Error(`saving the follow-up draft answered ${saved.status}`);
    const t1 = performance.now();
    const sent = await postForm(new URL(draftUrl, server.base).href, new URLSearchParams({ intent: "send" }), { Cookie: organiser });
    if (sent.status < 300 || sent.status >= 400) throw new Error(`sending the follow-up answered ${sent.status}`);
    const t2 = performance.now();
    const serverCpu = cpuSeconds(server.pid) - serverCpu0;
    const workerCpu0 = cpuSeconds(worker.pid);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, 180_000));
    await Promise.race([done, deadline, exited]);
    if (workerGone()) throw new Error("the mail worker stopped; see .tmp/bench-logs/mail-worker.log");
    const total = ((received >= COUNT ? lastAt : performance.now()) - t0) / 1000;
    const peak = memory(worker.pid!).peakMb;
    // CPU time, not only wall time: on a shared machine it is the figure that compares runs.
    const workerCpu = cpuSeconds(worker.pid) - workerCpu0;
    rows.push(
      {
        group: "mail", what: `Follow-up to ${COUNT.toLocaleString("en")} attendees: draft saved, sent, delivered by the worker to a local SMTP server`,
        value: `${total.toFixed(1)} s in all (draft ${((t1 - t0) / 1000).toFixed(1)} s, send ${((t2 - t1) / 1000).toFixed(1)} s, delivery ${(total - (t2 - t0) / 1000).toFixed(1)} s); ${received} received`,
        target: `< 5 s, ${COUNT} received`, pass: received === COUNT && total < 5,
        note: `CPU: server ${serverCpu.toFixed(2)} s for draft + send, worker ${workerCpu.toFixed(2)} s for the delivery (user + sys)`,
      },
      { group: "mail", what: "Mail worker peak memory (VmHWM of `npm run worker`)", value: `${peak.toFixed(0)} MB`, target: "< 200 MB", pass: peak > 0 && peak < 200 },
    );
  } finally {
    await stop(worker);
    await stop(server.child);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
  return rows;
}

// Alone: a fresh demo database of its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const file = dbFile("mail");
  removeDb(file);
  const url = `file:${file}`;
  tsx("scripts/db.ts", ["deploy"], url);
  tsx("prisma/seed.ts", [], url);
  benchMail(url).then(
    (rows) => {
      for (const r of rows) console.info(`| ${r.what} | ${r.value} | ${r.target} | ${r.pass ? "PASS" : "FAIL"} |`);
      process.exit(rows.every((r) => r.pass) ? 0 : 1);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
