import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// Migrates one base database per test run with the real Prisma Migrate; each test file then works
// on its own copy (setup-db.ts). SQLite by default: a base file copied per test file. With
// CONVENE_TEST_DB=postgres (scripts/test-pg.sh sets it, with DATABASE_URL naming an empty database
// on a throwaway server): a base database that each test file clones with CREATE DATABASE ... TEMPLATE.
export default async function setup() {
  return process.env.CONVENE_TEST_DB === "postgres" ? setupPostgres() : setupSQLite();
}

function migrate(databaseUrl: string) {
  execFileSync("npx", ["tsx", "scripts/db.ts", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
}

function setupSQLite() {
  const dir = path.resolve(".tmp");
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `test-base-${process.pid}.db`);
  fs.rmSync(base, { force: true });
  migrate(`file:${base}`);
  process.env.CONVENE_TEST_BASE_DB = base;
  return () => {
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(`test-base-${process.pid}`) || f.startsWith(`test-${process.pid}-`)) fs.rmSync(path.join(dir, f), { force: true });
    }
  };
}

async function setupPostgres() {
  const url = new URL(process.env.DATABASE_URL ?? "");
  if (!url.protocol.startsWith("postgres")) throw new Error("CONVENE_TEST_DB=postgres needs DATABASE_URL=postgresql://... (run bash scripts/test-pg.sh)");
  const base = `convene_test_base_${process.pid}`;
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${base}`);
  await admin.query(`CREATE DATABASE ${base}`);
  await admin.end();
  const baseUrl = new URL(url.href);
  baseUrl.pathname = `/${base}`;
  migrate(baseUrl.href);
  process.env.CONVENE_TEST_BASE_DB = baseUrl.href;
  return async () => {
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'convene_test_%'`);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await client.end();
  };
}
