// Part of `npm run bench` (scripts/bench.ts), issue 9 point 6: several instances on one database
// (docs/decisions/061-several-instances.md).
// 1. A registration storm: 500 concurrent registrations for 50 seats, sent alternately to two instances on
//    PostgreSQL and to two processes on one SQLite file: statuses answered, exactly 50 confirmed, the waiting
//    list ranked 1..n, and the time taken.
// 2. Meeting-page throughput on PostgreSQL, rendered every time (a request with a cookie), of one instance
//    against two, 20 connections in all.
// PostgreSQL is a throwaway server on loopback (as the postgres user when run as root), like npm run cluster.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { benchDb, dbFile, measure, only2xx, port, removeDb, root, startServer, stop, tsx, type Row, type Server } from "./bench-lib.ts";

const STORM_REQUESTS = 500;
const STORM_SEATS = 50;
// The seeded Brussels meeting (held, with a published agenda and recommendations).
const BRUSSELS = "combating-irregular-migration-eu-2026";

async function startPostgres() {
  const bin = fs.readdirSync("/usr/lib/postgresql").sort().map((v) => `/usr/lib/postgresql/${v}/bin`).pop();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install -y postgresql, or run npm run cluster once).");
  const dir = path.join(root, ".tmp/bench-pg");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres:", dir]);
  const asPg = (args: string[]) => execFileSync(asRoot ? "runuser" : args[0], asRoot ? ["-u", "postgres", "--", ...args] : args.slice(1), { stdio: "ignore" });
  const pgPort = await port();
  asPg([`${bin}/initdb`, "-D", `${dir}/data`, "-A", "trust", "-U", "convene"]);
  asPg([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-o", `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`, "-l", `${dir}/log`, "-w", "start"]);
  execFileSync("psql", [`postgresql://convene@127.0.0.1:${pgPort}/postgres`, "-qc", "create database convene"]);
  return {
    url: `postgresql://convene@127.0.0.1:${pgPort}/convene`,
    stop: () => asPg([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-m", "fast", "-w", "stop"]),
  };
}

async function startInstances(count: number, databaseUrl: string, name: string) {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await startServer(`${name}-${i + 1}`, databaseUrl));
  } catch (e) {
    for (const s of servers) await stop(s.child);
    throw e;
  }
  return { bases: servers.map((s) => s.base), stop: async () => { for (const s of servers) await stop(s.child); } };
}

async function storm(databaseUrl: string, bases: string[]) {
  const { slug, agencyId } = benchDb<{ slug: string; agencyId: string }>(databaseUrl, "setup", String(STORM_SEATS));
  const statuses: Record<string, number> = {};
  const started = Date.now();
  await Promise.all(
    Array.from({ length: STORM_REQUESTS }, async (_, i) => {
      const body = new URLSearchParams({ name: `Storm Person ${i}`, email: `storm.${i}@bench.example.org`, agencyId, role: "DELEGATE", consent: "on" });
      // One address per person, as if each came from their own machine (rate limits count by address).
      const a = 10 + (i >> 8), b = i & 255;
      const status = await fetch(`${bases[i % bases.length]}/meetings/${slug}/register`, {
        method: "POST", body, redirect: "manual", headers: { "X-Forwarded-For": `10.${a}.${b}.1` },
      }).then(async (r) => (await r.arrayBuffer(), String(r.status)), (e: Error & { cause?: { code?: string } }) => `error ${e.cause?.code ?? e.message}`);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const outcome = benchDb<{ byStatus: Record<string, number>; waitlisted: number; ranksInOrder: boolean }>(databaseUrl, "check", slug);
  const fiveXx = Object.entries(statuses).filter(([s]) => !/^[1-4]\d\d$/.test(s)).reduce((n, [, c]) => n + c, 0);
  return { seconds, statuses, fiveXx, ...outcome };
}

function stormRow(what: string, r: Awaited<ReturnType<typeof storm>>): Row {
  const confirmed = r.byStatus.CONFIRMED ?? 0;
  return {
    group: "instances",
    what: `${STORM_REQUESTS} registrations for ${STORM_SEATS} seats, ${what}`,
    value: `${r.seconds.toFixed(1)} s; ${confirmed} confirmed, ${r.waitlisted} waitlisted${r.ranksInOrder ? " ranked 1..n" : " NOT ranked 1..n"}; ${r.fiveXx} 5xx (${Object.entries(r.statuses).map(([s, c]) => `${c} × ${s}`).join(", ")})`,
    target: "exactly 50 confirmed, ranks in order, 0 5xx",
    pass: confirmed === STORM_SEATS && r.ranksInOrder && r.fiveXx === 0,
  };
}

/** Runs both parts and returns their rows for the bench table. */
export async function benchSeveralInstances(seconds: number): Promise<Row[]> {
  const rows: Row[] = [];
  console.info("Starting a throwaway PostgreSQL server ...");
  const pg = await startPostgres();
  try {
    tsx("scripts/db.ts", ["deploy"], pg.url);
    tsx("prisma/seed.ts", [], pg.url);
    const two = await startInstances(2, pg.url, "pg");
    try {
      console.info(`PostgreSQL: ${STORM_REQUESTS} registrations for ${STORM_SEATS} seats through two instances ...`);
      rows.push(stormRow("two instances on PostgreSQL", await storm(pg.url, two.bases)));
      console.info("PostgreSQL: meeting page, one instance then two ...");
      const page = (b: string) => `${b}/meetings/${BRUSSELS}`;
      const opts = { connections: 20, seconds, headers: { Cookie: "bench=1" } };
      await measure(two.bases.map(page), { ...opts, seconds: 1 });
      const one = await measure(page(two.bases[0]), opts);
      const both = await measure(two.bases.map(page), opts);
      const ratio = both.rps / one.rps;
      rows.push({
        group: "instances", what: "Meeting page rendered (request with a cookie), PostgreSQL: two instances against one, 20 connections in all",
        value: `${one.rps.toFixed(0)} → ${both.rps.toFixed(0)} req/s = ${ratio.toFixed(2)}× (p95 ${one.p95.toFixed(0)} → ${both.p95.toFixed(0)} ms)`,
        target: "> 1×, only 2xx", pass: ratio > 1 && only2xx(one) && only2xx(both),
      });
    } finally {
      await two.stop();
    }
  } finally {
    pg.stop();
  }

  const file = dbFile("storm");
  removeDb(file);
  const sqliteUrl = `file:${file}`;
  tsx("scripts/db.ts", ["deploy"], sqliteUrl);
  tsx("prisma/seed.ts", [], sqliteUrl);
  const two = await startInstances(2, sqliteUrl, "sqlite");
  try {
    console.info(`SQLite: ${STORM_REQUESTS} registrations for ${STORM_SEATS} seats through two processes on one file ...`);
    rows.push(stormRow("two processes on one SQLite file", await storm(sqliteUrl, two.bases)));
  } finally {
    await two.stop();
  }
  return rows;
}
