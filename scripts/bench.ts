// `npm run bench`: the production build on the large seed, measured over loopback with autocannon.
// Builds if needed, makes .tmp/bench.db (migrate, seed base + --scale 1), starts the production server on a free
// port, warms up, then 20 connections for 10 s on each page. p95 is computed from every response time
// (autocannon's own summary stops at p97.5). Writes bench/results.md, then appends several instances on
// PostgreSQL and on one SQLite file (scripts/bench-cluster.ts) and scripts/bench-mail.ts output.
// BENCH_ONLY=instances runs only the several-instances part and appends it to the existing results.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { benchSeveralInstances } from "./bench-cluster";
import { freePort } from "./free-port.ts";

const root = path.resolve(import.meta.dirname, "..");
const buildDir = process.env.REMIX_BUILD_DIR ?? "build";
const dbFile = path.join(root, ".tmp/bench.db");
const CONNECTIONS = 20;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const SCALE = process.env.BENCH_SCALE ?? "1";

function sh(cmd: string, env: Record<string, string> = {}) {
  execSync(cmd, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
}


async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url}`);
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(url: string, seconds: number, headers: Record<string, string> = {}) {
  const times: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 30, headers });
  instance.on("response", (_c, _s, _b, responseTime) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main() {
  if (!fs.existsSync(path.join(root, buildDir, "server/index.js"))) {
    console.info(`Building the production bundle into ${buildDir}/ ...`);
    sh("npx remix vite:build", { REMIX_BUILD_DIR: buildDir });
  }
  if (process.env.BENCH_ONLY === "instances") {
    fs.appendFileSync(path.join(root, "bench/results.md"), `\n${await benchSeveralInstances(buildDir, DURATION)}`);
    return;
  }
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
  const env = { DATABASE_URL: `file:${dbFile}`, MAIL_WORKER: "off", SESSION_SECRET: "bench-secret-bench-secret-bench" };
  console.info("Migrating and seeding .tmp/bench.db (base + scale) ...");
  sh("npx prisma migrate deploy", env);
  const seedStarted = Date.now();
  sh(`npx tsx prisma/seed.ts --scale ${SCALE}`, env);
  const seedSeconds = Math.round((Date.now() - seedStarted) / 1000);

  const sqlite = new Database(dbFile, { readonly: true });
  const counts = sqlite
    .prepare(
      "SELECT (SELECT count(*) FROM Meeting) AS meetings, (SELECT count(*) FROM Registration) AS registrations, (SELECT count(*) FROM Recommendation) AS recommendations, (SELECT count(*) FROM AgendaItem) AS agendaItems",
    )
    .get() as Record<string, number>;
  // A published generated meeting with a full agenda, a typical page.
  const { slug } = sqlite
    .prepare("SELECT slug FROM Meeting WHERE status = 'PUBLISHED' AND slug LIKE 'scale-%' AND agendaPublishedAt IS NOT NULL ORDER BY startsAt LIMIT 1")
    .get() as { slug: string };
  sqlite.close();

  // Other work on the machine skews the numbers; the report says how busy it was.
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  const port = await freePort();
  const server = spawn("node", ["scripts/server.mjs"], {
    cwd: root,
    // A production start needs a mail setting; the bench sends no mail, so the demo mailbox will do.
    env: { ...process.env, ...env, NODE_ENV: "production", SMTP_URL: "", DEV_MAILBOX: "on", PORT: String(port), HOST: "127.0.0.1", APP_URL: `http://127.0.0.1:${port}`, REMIX_BUILD_DIR: buildDir },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  // Anonymous requests may be answered from the server's 5 s page cache; a request carrying any cookie
  // never is, so the second meeting-page row shows the cost of rendering every time.
  const bypass = { Cookie: "bench=1" };
  const targets: [string, string, Record<string, string>?][] = [
    ["Meeting list (/meetings)", `${base}/meetings`],
    ["Meeting list, page 40 of past meetings", `${base}/meetings?when=past&page=40`],
    ["Meeting page", `${base}/meetings/${slug}`],
    ["Meeting page, rendered every time (request with a cookie)", `${base}/meetings/${slug}`, bypass],
    ["Meeting list, rendered every time (request with a cookie)", `${base}/meetings`, bypass],
    ["Meeting agenda .ics", `${base}/meetings/${slug}/calendar.ics`],
  ];
  const rows: string[] = [];
  try {
    await waitFor(`${base}/meetings`);
    console.info("Warming up ...");
    for (const [, url, headers] of targets) await measure(url, 2, headers);
    for (const [name, url, headers] of targets) {
      console.info(`Measuring ${name} for ${DURATION} s with ${CONNECTIONS} connections ...`);
      const r = await measure(url, DURATION, headers);
      rows.push(
        `| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.total} | ${r.non2xx + r.errors} |`,
      );
    }
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }

  const cpus = os.cpus();
  const report = [
    "# Benchmark results",
    "",
    `Run ${new Date().toISOString()} by \`npm run bench\` on ${cpus.length} × ${cpus[0]?.model ?? "CPU"}, Node ${process.version}; load average before the run ${loadBefore}.`,
    `Data: seed base + \`--scale ${SCALE}\` (${seedSeconds} s): ${counts.meetings} meetings, ${counts.agendaItems} agenda items, ${counts.registrations} registrations, ${counts.recommendations} recommendations.`,
    `Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per page after a 2 s warm-up, production build (npm start: scripts/server.mjs) over loopback, SQLite (WAL).`,
    "Latencies in milliseconds; p95 is computed from every response time recorded during the run.",
    "",
    "| Page | Requests/s | p50 | p95 | p99 | Requests | Errors/non-2xx |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Meeting page measured: \`/meetings/${slug}\`. Target: meeting page p95 < 50 ms at ${CONNECTIONS} connections.`,
    "",
  ].join("\n");
  fs.mkdirSync(path.join(root, "bench"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench/results.md"), report);
  console.info(`\n${report}`);

  const instances = await benchSeveralInstances(buildDir, DURATION);
  fs.appendFileSync(path.join(root, "bench/results.md"), `\n${instances}`);
  console.info(instances);

  const mailBench = path.join(root, "scripts/bench-mail.ts");
  if (fs.existsSync(mailBench)) {
    console.info("Running scripts/bench-mail.ts ...");
    const out = execSync("npx tsx scripts/bench-mail.ts", { cwd: root, env: { ...process.env }, encoding: "utf8" });
    fs.appendFileSync(path.join(root, "bench/results.md"), `\n${out}`);
    console.info(out);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
