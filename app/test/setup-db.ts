import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll } from "vitest";

// Each test file gets a fresh copy of the migrated base database (global-setup.ts): a copied SQLite
// file, or on PostgreSQL a database cloned from the base database.
const base = process.env.CONVENE_TEST_BASE_DB;
if (!base) throw new Error("CONVENE_TEST_BASE_DB is not set: run tests through vitest (global-setup.ts).");
const onPostgres = process.env.CONVENE_TEST_DB === "postgres";
const id = crypto.randomUUID().replaceAll("-", "").slice(0, 16);
let dropDatabase: () => Promise<void>;

if (onPostgres) {
  const name = `convene_test_${id}`;
  const server = new URL(base);
  server.pathname = "/postgres";
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.href });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const baseName = new URL(base).pathname.slice(1);
  // Two files cloning the base at the same instant can be refused ("being accessed by other users").
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(`CREATE DATABASE ${name} TEMPLATE ${baseName}`);
      break;
    } catch (e) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.href;
  dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} else {
  const file = path.join(path.dirname(base), `test-${process.ppid}-${id}.db`);
  fs.copyFileSync(base, file);
  process.env.DATABASE_URL = `file:${file}`;
  dropDatabase = async () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  };
}
process.env.NODE_ENV = "test";
process.env.APP_URL = "http://convene.test";
process.env.SESSION_SECRET = "test-secret-test-secret-test-secret";
process.env.MAIL_WORKER = "off";
delete process.env.SMTP_URL;
// The development mailbox is off, as in any start without the opt-in; its tests turn it on (reloadEnv).
delete process.env.DEV_MAILBOX;
globalThis.__conveneDb = undefined;
globalThis.__conveneDbReady = undefined;

afterAll(async () => {
  await globalThis.__conveneDb?.$disconnect();
  globalThis.__conveneDb = undefined;
  await dropDatabase();
});
