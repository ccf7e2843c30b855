import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

// Each test file gets a fresh copy of the migrated base database: a real SQLite file.
const base = process.env.CONVENE_TEST_BASE_DB;
if (!base) throw new Error("CONVENE_TEST_BASE_DB is not set: run tests through vitest (global-setup.ts).");
const file = path.join(path.dirname(base), `test-${process.ppid}-${crypto.randomUUID()}.db`);
fs.copyFileSync(base, file);
process.env.DATABASE_URL = `file:${file}`;
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
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
});
