import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createAgency } from "~/test/factories";
import { dialect } from "~/utils/db.server";

// `npm run backup` on the database this run uses (SQLite, or PostgreSQL under scripts/test-pg.sh):
// the copy is made while the app's connection is open, and it opens or restores with the rows in it.

const url = process.env.DATABASE_URL ?? "";

/** The same lookup as scripts/backup.ts: PATH, else Debian's newest /usr/lib/postgresql/<version>/bin. */
function pgTool(name: string): string {
  const onPath = (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)));
  if (onPath) return name;
  const versions = fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b));
  return path.join("/usr/lib/postgresql", versions.at(-1)!, "bin", name);
}

function backup(target: string) {
  return execFileSync("npx", ["tsx", "scripts/backup.ts", target], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
}

describe("npm run backup", () => {
  it("writes a copy that opens or restores, holding the rows", async () => {
    const name = `Backup check ${crypto.randomUUID()}`;
    await createAgency({ name });
    const dir = fs.mkdtempSync(path.resolve(".tmp", "backup-"));
    try {
      if (dialect() === "sqlite") {
        const target = path.join(dir, "copy.db");
        expect(backup(target)).toContain("Backup written to");
        const copy = new Database(target, { readonly: true, fileMustExist: true });
        try {
          expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
          expect(copy.prepare(`SELECT count(*) AS n FROM "Agency" WHERE "name" = ?`).get(name)).toEqual({ n: 1 });
        } finally {
          copy.close();
        }
        return;
      }
      const target = path.join(dir, "copy.dump");
      expect(backup(target)).toContain("Backup written to");
      const restored = `convene_test_restore_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
      const server = new URL(url);
      server.pathname = "/postgres";
      const admin = new pg.Client({ connectionString: server.href });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${restored}`);
      await admin.end();
      const restoredUrl = new URL(url);
      restoredUrl.pathname = `/${restored}`;
      execFileSync(pgTool("pg_restore"), ["--no-owner", "--exit-on-error", "--dbname", restoredUrl.href, target]);
      const client = new pg.Client({ connectionString: restoredUrl.href });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Agency" WHERE "name" = $1`, [name]);
        expect(rows).toEqual([{ n: 1 }]);
      } finally {
        await client.end();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Two child processes (tsx, pg_dump or the copy) on a busy machine: a generous limit, not a measure.
  }, 180_000);
});
