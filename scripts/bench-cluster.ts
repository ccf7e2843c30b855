// Part of `npm run bench`: several instances on one database (docs/decisions/061-several-instances.md).
// 1. A registration storm: STORM_REQUESTS concurrent registrations for STORM_SEATS seats, sent alternately to
//    two instances on PostgreSQL and to two processes on one SQLite file. Reports the statuses answered, the
//    outcome in the database (exactly STORM_SEATS confirmed, waiting list ranked 1..n) and the time taken.
// 2. Meeting-page throughput on PostgreSQL, rendered every time (a request with a cookie), of one instance
//    against two behind one load generator that alternates between them.
// PostgreSQL is a throwaway server on loopback (as the postgres user when run as root), like npm run cluster.
import { execFileSync, execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "./free-port.ts";

const root = path.resolve(import.meta.dirname, "..");
const STORM_REQUESTS = 500;
const STORM_SEATS = 50;
const SECRET = "bench-secret-bench-secret-bench";
// The seeded Brussels meeting (held, with a published agenda and recommendations).
const BRUSSELS = "combating-irregular-migration-eu-2026";


const run = (cmd: string, env: Record<string, string>) => execSync(cmd, { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env }, encoding: "utf8" });

async function startPostgres() {
  const bin = fs.readdirSync("/usr/lib/postgresql").sort().map((v) => `/usr/lib/postgresql/${v}/bin`).pop();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install -y postgresql, or run npm run cluster once).");
  const dir = path.join(root, ".tmp/bench-pg");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const root_ = process.getuid?.() === 0;
  if (root_) execFileSync("chown", ["postgres:", dir]);
  const asPg = (args: string[]) => execFileSync(root_ ? "runuser" : args[0], root_ ? ["-u", "postgres", "--", ...args] : args.slice(1), { stdio: "ignore" });
  const port = await freePort();
  asPg([`${bin}/initdb`, "-D", `${dir}/data`, "-A", "trust", "-U", "convene"]);
  asPg([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`, "-l", `${dir}/log`, "-w", "start"]);
  execFileSync("psql", [`postgresql://convene@127.0.0.1:${port}/postgres`, "-qc", "create database convene"]);
  return {
    url: `postgresql://convene@127.0.0.1:${port}/convene`,
    stop: () => asPg([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-m", "fast", "-w", "stop"]),
  };
}

async function startInstances(count: number, databaseUrl: string, buildDir: string) {
  const servers: { base: string; child: ChildProcess }[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = spawn("node", ["scripts/server.mjs"], {
      cwd: root,
      env: {
        ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: `http://127.0.0.1:${port}`,
        REMIX_BUILD_DIR: buildDir, MAIL_WORKER: "off", DEV_MAILBOX: "on", SESSION_SECRET: SECRET, TRUST_PROXY: "loopback", CONVENE_INSTANCE: `bench${i + 1}`,
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    servers.push({ base: `http://127.0.0.1:${port}`, child });
  }
  for (const { base } of servers) {
    const until = Date.now() + 60_000;
    while (!(await fetch(`${base}/login`).then((r) => r.ok, () => false))) {
      if (Date.now() > until) throw new Error(`${base} did not start`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { bases: servers.map((s) => s.base), stop: () => servers.forEach((s) => s.child.pid && process.kill(-s.child.pid, "SIGTERM")) };
}

async function storm(databaseUrl: string, bases: string[]) {
  const { slug, agencyId } = JSON.parse(run(`npx tsx scripts/bench-storm-db.ts setup ${STORM_SEATS}`, { DATABASE_URL: databaseUrl })) as { slug: string; agencyId: string };
  const statuses: Record<string, number> = {};
  const started = Date.now();
  await Promise.all(
    Array.from({ length: STORM_REQUESTS }, async (_, i) => {
      const body = new URLSearchParams({ name: `Storm Person ${i}`, email: `storm.${i}@bench.example.org`, agencyId, role: "DELEGATE", consent: "on" });
      // One address per person, as if each came from their own machine (rate limits count by address).
      const a = 10 + (i >> 8), b = i & 255;
      const status = await fetch(`${bases[i % bases.length]}/meetings/${slug}/register`, {
        method: "POST", body, redirect: "manual", headers: { "X-Forwarded-For": `10.${a}.${b}.1` },
      }).then((r) => String(r.status), (e: Error & { cause?: { code?: string } }) => `error ${e.cause?.code ?? e.message}`);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const outcome = JSON.parse(run(`npx tsx scripts/bench-storm-db.ts check ${slug}`, { DATABASE_URL: databaseUrl })) as { byStatus: Record<string, number>; waitlisted: number; ranksInOrder: boolean };
  const fiveXx = Object.entries(statuses).filter(([s]) => !/^[1-4]\d\d$/.test(s)).reduce((n, [, c]) => n + c, 0);
  return { seconds, statuses, fiveXx, ...outcome };
}

async function pageThroughput(bases: string[], slug: string, seconds: number) {
  // autocannon takes one URL: one load generator per instance, their connections adding up to 20.
  const results = await Promise.all(
    bases.map((base) => autocannon({ url: `${base}/meetings/${slug}`, connections: 20 / bases.length, duration: seconds, headers: { Cookie: "bench=1" } })),
  );
  return { rps: results.reduce((n, r) => n + r.requests.average, 0), non2xx: results.reduce((n, r) => n + r.non2xx + r.errors, 0) };
}

/** Runs both parts and returns the markdown section for bench/results.md. */
export async function benchSeveralInstances(buildDir: string, seconds: number): Promise<string> {
  const lines = [
    "## Several instances on one database",
    "",
    `Run ${new Date().toISOString()}, load average before ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}.`,
    `Registration storm: ${STORM_REQUESTS} registrations sent at once (alternating between the two processes, each from its own X-Forwarded-For address) for a meeting with ${STORM_SEATS} seats, automatic confirmation. Base seed.`,
    "",
    "| Database, processes | Time (s) | Answers | 5xx / errors | Confirmed | Waitlisted | Waiting list ranked 1..n |",
    "| --- | ---: | --- | ---: | ---: | ---: | --- |",
  ];
  const row = (name: string, r: Awaited<ReturnType<typeof storm>>) =>
    `| ${name} | ${r.seconds.toFixed(1)} | ${Object.entries(r.statuses).map(([s, c]) => `${c} × ${s}`).join(", ")} | ${r.fiveXx} | ${r.byStatus.CONFIRMED ?? 0} | ${r.byStatus.WAITLISTED ?? 0} | ${r.ranksInOrder ? "yes" : "NO"} |`;
  const throughput: string[] = [];

  console.info("Starting a throwaway PostgreSQL server ...");
  const pg = await startPostgres();
  try {
    run("npx tsx scripts/db.ts deploy", { DATABASE_URL: pg.url });
    run("npx tsx prisma/seed.ts", { DATABASE_URL: pg.url });
    const two = await startInstances(2, pg.url, buildDir);
    try {
      console.info(`PostgreSQL: ${STORM_REQUESTS} registrations for ${STORM_SEATS} seats through two instances ...`);
      lines.push(row("PostgreSQL, 2 instances", await storm(pg.url, two.bases)));
      console.info("PostgreSQL: meeting page, one instance then two ...");
      await pageThroughput(two.bases, BRUSSELS, 2);
      const one = await pageThroughput(two.bases.slice(0, 1), BRUSSELS, seconds);
      const both = await pageThroughput(two.bases, BRUSSELS, seconds);
      throughput.push(`| 1 instance | ${one.rps.toFixed(0)} | ${one.non2xx} |`, `| 2 instances | ${both.rps.toFixed(0)} | ${both.non2xx} |`);
    } finally {
      two.stop();
    }
  } finally {
    pg.stop();
  }

  const dbFile = path.join(root, ".tmp/bench-storm.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
  const sqliteUrl = `file:${dbFile}`;
  run("npx tsx scripts/db.ts deploy", { DATABASE_URL: sqliteUrl });
  run("npx tsx prisma/seed.ts", { DATABASE_URL: sqliteUrl });
  const two = await startInstances(2, sqliteUrl, buildDir);
  try {
    console.info(`SQLite: ${STORM_REQUESTS} registrations for ${STORM_SEATS} seats through two processes on one file ...`);
    lines.push(row("SQLite (one file), 2 processes", await storm(sqliteUrl, two.bases)));
  } finally {
    two.stop();
  }

  lines.push(
    "",
    `Meeting page (\`/meetings/${BRUSSELS}\`) on PostgreSQL, rendered every time (request with a cookie), 20 connections in all for ${seconds} s, split evenly over the instances; load generator on the same machine.`,
    "",
    "| Instances | Requests/s | Errors/non-2xx |",
    "| --- | ---: | ---: |",
    ...throughput,
    "",
  );
  return lines.join("\n");
}
