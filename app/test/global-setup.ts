import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Migrates one base SQLite file per test run with the real Prisma Migrate; each test file then
// works on its own copy (setup-db.ts).
export default function setup() {
  const dir = path.resolve(".tmp");
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `test-base-${process.pid}.db`);
  fs.rmSync(base, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${base}` },
    stdio: "pipe",
  });
  process.env.CONVENE_TEST_BASE_DB = base;
  return () => {
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(`test-base-${process.pid}`) || f.startsWith(`test-${process.pid}-`)) fs.rmSync(path.join(dir, f), { force: true });
    }
  };
}
