// `npm run backup [-- <file>]`: a consistent copy of the database while the app runs (docs/operations.md).
// SQLite (DATABASE_URL=file:...): better-sqlite3's online backup API, which copies page by page and
// includes what is still in the WAL; the copy is a plain SQLite file. PostgreSQL: pg_dump in its custom
// format (restore with pg_restore). Default target: backups/convene-<UTC timestamp>.(db|dump).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const url = process.env.DATABASE_URL ?? "file:./data/convene.db";
const postgres = /^postgres(ql)?:\/\//.test(url);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? `backups/convene-${stamp}.${postgres ? "dump" : "db"}`);
fs.mkdirSync(path.dirname(target), { recursive: true });

/** A PostgreSQL client tool: from PATH, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
export function pgTool(name: string): string {
  const onPath = (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)));
  if (onPath) return name;
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).filter((v) => fs.existsSync(path.join(debian, v, "bin", name))) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) throw new Error(`${name} not found: install PostgreSQL's client (apt-get install postgresql-client)`);
  return path.join(debian, newest, "bin", name);
}

if (postgres) {
  execFileSync(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", target, url], { stdio: "inherit" });
} else {
  const file = path.resolve(url.replace(/^file:/, ""));
  if (!fs.existsSync(file)) throw new Error(`No SQLite file at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  await db.backup(target);
  db.close();
}
console.info(`Backup written to ${target} (${(fs.statSync(target).size / 1e6).toFixed(1)} MB)`);
