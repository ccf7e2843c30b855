import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { freePort } from "./free-port.ts";

// Write-path benchmark (issue 10), on a fresh SQLite file or on DATABASE_URL=postgresql://... (migrated
// by the caller, e.g. `bash scripts/test-pg.sh npx tsx scripts/bench-writes.ts`):
//   1. a registration storm: STORM concurrent POSTs to /meetings/<slug>/register of ONE production
//      server (REMIX_BUILD_DIR, default build/; MAIL_WORKER=off: mail is the worker's job) for SEATS
//      seats, each from its own X-Forwarded-For address: registrations per second, p50/p99, outcome;
//   2. bulk approve of 500 pending registrations (decideRegistrations), in this process;
//   3. CSV import of 2,000 rows (importCsv), in this process.
// Prints a markdown table. Usage: npx tsx scripts/bench-writes.ts [storm=500] [seats=50]

const root = path.resolve(import.meta.dirname, "..");
const STORM = Number(process.argv[2] ?? 500);
const SEATS = Number(process.argv[3] ?? 50);
const SECRET = "bench-secret-bench-secret-bench";
const DAY = 86_400_000;
const cpuSince = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-bench-writes-"));
  const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : `file:${path.join(dir, "bench.db")}`;
  if (url.startsWith("file:")) execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  Object.assign(process.env, { DATABASE_URL: url, MAIL_WORKER: "off", DEV_MAILBOX: "on", APP_URL: "http://convene.bench", SESSION_SECRET: SECRET, NODE_ENV: "production" });
  delete process.env.SMTP_URL;

  const { db, dbReady } = await import("~/utils/db.server");
  const { decideRegistrations } = await import("~/domain/registration/registration.server");
  const { importCsv } = await import("~/domain/registration/organiser.server");
  const { hashToken } = await import("~/utils/tokens.server");
  const mailModule: { privateLinkToken?: (id: string) => string } = await import("~/domain/registration/mail.server");
  await dbReady();

  const agencies = await Promise.all(
    Array.from({ length: 20 }, (_, i) => db.agency.create({ data: { name: `Bench agency ${i}`, acronym: `BA${i}`, kind: "NATIONAL_AUTHORITY" } })),
  );
  const user = await db.user.create({ data: { email: "bench@example.org", name: "Bench", role: "ORGANISER" } });
  const actor = { id: user.id, role: "ORGANISER" as const, agencyId: null, name: user.name, email: user.email };
  const now = Date.now();
  const meeting = (slug: string, capacity: number, approvalMode = "AUTOMATIC") =>
    db.meeting.create({
      data: {
        slug, title: `Bench ${slug}`, timeZone: "Europe/Brussels", city: "Brussels", venue: "Egmont Palace",
        startsAt: new Date(now + 60 * DAY), endsAt: new Date(now + 61 * DAY), capacity,
        status: "PUBLISHED", visibility: "PUBLIC", approvalMode,
        registrationOpensAt: new Date(now - DAY), registrationClosesAt: new Date(now + 30 * DAY),
      },
      select: { id: true, slug: true },
    });

  // 1. the storm, against one production server
  const storm = await meeting("storm", SEATS);
  const port = await freePort();
  // BENCH_CPU_PROFILE=<dir>: the server writes a CPU profile there when it stops
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROFILE] : [];
  const server = spawn("node", [...profile, "scripts/server.mjs"], {
    cwd: root,
    env: {
      ...process.env, PORT: String(port), HOST: "127.0.0.1", APP_URL: `http://127.0.0.1:${port}`, TRUST_PROXY: "loopback",
      REMIX_BUILD_DIR: process.env.REMIX_BUILD_DIR ?? "build", RATE_LIMIT_FACTOR: "1000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  while (!(await fetch(`${base}/login`).then((r) => r.ok, () => false))) {
    if (Date.now() > until) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  // warm-up: one registration on another meeting, so the storm does not measure first-request costs
  const warm = await meeting("warm-up", 10);
  await fetch(`${base}/meetings/${warm.slug}/register`, {
    method: "POST", redirect: "manual", headers: { "X-Forwarded-For": "10.9.9.9" },
    body: new URLSearchParams({ name: "Warm Up", email: "warm@bench.example.org", agencyId: agencies[0].id, role: "DELEGATE", consent: "on" }),
  });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  // CPU seconds the server spends, from /proc: on a busy machine wall-clock figures mostly measure the neighbours
  const serverCpu = () => {
    const f = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  };
  const cpu0 = serverCpu();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: STORM }, async (_, i) => {
      const body = new URLSearchParams({ name: `Storm Person ${i}`, email: `storm.${i}@bench.example.org`, agencyId: agencies[i % agencies.length].id, role: "DELEGATE", consent: "on" });
      const start = performance.now();
      const status = await fetch(`${base}/meetings/${storm.slug}/register`, {
        method: "POST", body, redirect: "manual", headers: { "X-Forwarded-For": `10.${10 + (i >> 8)}.${i & 255}.1` },
      }).then((r) => String(r.status), (e: Error & { cause?: { code?: string } }) => `error ${e.cause?.code ?? e.message}`);
      latencies.push(performance.now() - start);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }),
  );
  const stormSeconds = (performance.now() - t0) / 1000;
  const stormCpu = serverCpu() - cpu0;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const byStatus = Object.fromEntries(
    (await db.registration.groupBy({ by: ["status"], where: { meetingId: storm.id }, _count: { _all: true } })).map((g) => [g.status, g._count._all]),
  );
  const stormMail = await db.outboxMessage.count({ where: { meetingId: storm.id } });

  // 2. bulk approve of 500
  const approval = await meeting("approve", 1000, "APPROVAL");
  // as register() writes them: the stored hash is the derived private link's (when the code derives it)
  await db.registration.createMany({
    data: Array.from({ length: 500 }, (_, i) => {
      const id = crypto.randomUUID();
      const manageTokenHash = mailModule.privateLinkToken ? hashToken(mailModule.privateLinkToken(id)) : crypto.randomUUID();
      return {
        id, meetingId: approval.id, agencyId: agencies[i % agencies.length].id, name: `Pending ${i}`, email: `pending-${i}@example.org`,
        emailNormalised: `pending-${i}@example.org`, status: "PENDING", manageTokenHash,
      };
    }),
  });
  const ids = (await db.registration.findMany({ where: { meetingId: approval.id }, select: { id: true } })).map((r) => r.id);
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const decided = await decideRegistrations(actor, approval.id, ids, "approve");
  const approveSeconds = (performance.now() - t1) / 1000;
  const approveCpu = cpuSince(c1);
  const approveMail = await db.outboxMessage.count({ where: { meetingId: approval.id } });

  // 3. CSV import of 2,000 rows: 1,500 seats, so the last 500 go to the waiting list
  const imported = await meeting("import", 1500);
  const csv = ["name,email,agency,job title,role"]
    .concat(Array.from({ length: 2000 }, (_, i) => `Imported Person ${i},imported-${i}@example.org,${agencies[i % agencies.length].acronym},Officer,delegate`))
    .join("\n");
  const c2 = process.cpuUsage();
  const t2 = performance.now();
  const report = await importCsv(actor, imported.id, csv);
  const importSeconds = (performance.now() - t2) / 1000;
  const importCpu = cpuSince(c2);
  const importByStatus = Object.fromEntries(
    (await db.registration.groupBy({ by: ["status"], where: { meetingId: imported.id }, _count: { _all: true } })).map((g) => [g.status, g._count._all]),
  );
  const importMail = await db.outboxMessage.count({ where: { meetingId: imported.id } });
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });

  const s = (x: number) => `${x.toFixed(2)} s`;
  console.info(`\n### Writes (${url.startsWith("file:") ? "SQLite" : "PostgreSQL"}, build ${process.env.REMIX_BUILD_DIR ?? "build"})\n`);
  console.info("| step | time | CPU | result |");
  console.info("|---|---|---|---|");
  console.info(
    `| ${STORM} concurrent registrations, ${SEATS} seats, one process | ${s(stormSeconds)} (${(STORM / stormSeconds).toFixed(0)}/s, p50 ${(pct(50) / 1000).toFixed(2)} s, p99 ${(pct(99) / 1000).toFixed(2)} s) | server ${s(stormCpu)}: ${((stormCpu * 1000) / STORM).toFixed(1)} ms per registration, ${(STORM / stormCpu).toFixed(0)} per CPU-second | answers ${JSON.stringify(statuses)}, ${JSON.stringify(byStatus)}, ${stormMail} mails |`,
  );
  console.info(`| bulk approve of 500 | ${s(approveSeconds)} | ${s(approveCpu)} | ${decided.changed} approved, ${approveMail} mails |`);
  console.info(`| CSV import of 2,000 rows | ${s(importSeconds)} | ${s(importCpu)} | ${report.ok ? report.report.filter((r) => r.ok).length : "refused"} rows ok, ${JSON.stringify(importByStatus)}, ${importMail} mails |`);
  const ok = byStatus.CONFIRMED === SEATS && decided.changed === 500 && importByStatus.CONFIRMED === 1500;
  if (!ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
