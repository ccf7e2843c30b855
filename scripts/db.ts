import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { sortKey } from "../app/utils/sort-key.ts";

// One schema source, two databases (docs/decisions/060-postgresql.md). prisma/schema.prisma (SQLite)
// is edited by hand; prisma/postgres/schema.prisma is generated from it. Each database has its own
// migrations folder. Every Prisma command that depends on the database goes through here:
//
//   tsx scripts/db.ts schemas            write the PostgreSQL twin
//   tsx scripts/db.ts generate           twin + both clients (app/generated/prisma, prisma-pg)
//   tsx scripts/db.ts deploy             migrate the database DATABASE_URL names, then fill sort keys
//   tsx scripts/db.ts migrate --name x   write migration x for both databases from the schema change
//   tsx scripts/db.ts check              fail when the twin or either migrations folder drifts
//
// migrate and check replay the PostgreSQL migrations on SHADOW_DATABASE_URL: run them inside
// `bash scripts/test-pg.sh ...`, which starts a throwaway server and sets it.
//
// Two Prisma versions (docs/decisions/064-prisma-7-client.md): the app runs the Prisma 7 client, generated
// here by the Prisma 7 CLI (package alias `prisma7`); Migrate (deploy, migrate, check) is the Prisma 6.19 CLI
// (`prisma`) with its wasm schema engine, the one that works offline (decision 002).

const root = path.resolve(import.meta.dirname, "..");
const SQLITE = { config: "prisma.config.ts", schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
const PG = { config: "prisma.postgres.config.ts", schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" };
type Target = typeof SQLITE;

const GENERATED_NOTE = "// GENERATED from prisma/schema.prisma by `tsx scripts/db.ts schemas`: edit that file, not this one.\n";

export function postgresTwin(sqliteSchema: string): string {
  const swaps: [string, string][] = [
    ['provider = "sqlite"', 'provider = "postgresql"'],
    ['output     = "../app/generated/prisma"', 'output     = "../../app/generated/prisma-pg"'],
  ];
  let twin = sqliteSchema;
  for (const [from, to] of swaps) {
    if (!twin.includes(from)) throw new Error(`prisma/schema.prisma no longer contains ${from}; update scripts/db.ts`);
    twin = twin.replace(from, to);
  }
  return GENERATED_NOTE + twin;
}

const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const expectedTwin = () => postgresTwin(read(SQLITE.schema));

/** The Prisma 6.19 CLI, for Migrate. */
function prisma(target: Target, args: string[], env: NodeJS.ProcessEnv = process.env, stdio: "inherit" | "pipe" = "inherit") {
  return execFileSync(process.execPath, ["-r", "./scripts/unref-long-timers.cjs", "node_modules/prisma/build/index.js", ...args, "--config", target.config], {
    cwd: root,
    env,
    stdio: stdio === "pipe" ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
}

const isPostgres = (url = process.env.DATABASE_URL ?? "") => url.startsWith("postgres://") || url.startsWith("postgresql://");

function needShadow(): NodeJS.ProcessEnv {
  if (!process.env.SHADOW_DATABASE_URL || !isPostgres()) {
    throw new Error("Needs a PostgreSQL server: run it as `bash scripts/test-pg.sh npx tsx scripts/db.ts ...`.");
  }
  return process.env;
}

function writeTwin() {
  fs.mkdirSync(path.join(root, "prisma/postgres/migrations"), { recursive: true });
  fs.writeFileSync(path.join(root, PG.schema), expectedTwin());
}

/**
 * The schema as the Prisma 7 generator takes it: Prisma 7 rejects `url` in the datasource (the 6.19 CLI
 * requires it), and the client's output is made absolute because the copy is written elsewhere.
 */
export function clientSchema(schema: string, output: string): string {
  const url = /^\s*url\s*=\s*env\("DATABASE_URL"\)\s*\n/m;
  const out = /^(\s*output\s*=\s*)"[^"]*"/m;
  if (!url.test(schema) || !out.test(schema)) throw new Error("the schema's datasource url or generator output moved; update scripts/db.ts");
  return schema.replace(url, "").replace(out, `$1${JSON.stringify(output)}`);
}

/** Generates both clients (app/generated/prisma, prisma-pg) with the Prisma 7 CLI; it never connects. */
function generate() {
  writeTwin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-prisma-"));
  try {
    // An empty config: the 7 CLI would otherwise load prisma.config.ts, which is the 6.19 CLI's.
    fs.writeFileSync(path.join(dir, "prisma.config.mjs"), "export default {};\n");
    for (const [target, output] of [[SQLITE, "app/generated/prisma"], [PG, "app/generated/prisma-pg"]] as const) {
      const schema = path.join(dir, `${path.basename(output)}.prisma`);
      fs.writeFileSync(schema, clientSchema(read(target.schema), path.join(root, output)));
      // The 7 CLI downloads a schema engine on start unless this names an existing file; generate needs none.
      execFileSync(process.execPath, ["node_modules/prisma7/build/index.js", "generate", "--config", path.join(dir, "prisma.config.mjs"), "--schema", schema], {
        cwd: root,
        env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        stdio: "inherit",
      });
      loadCompilerFromFile(path.join(output, "internal/class.ts"));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The generated client imports the query compiler's WebAssembly as a module whose one export is its 4 MB base64
 * text; a module stays loaded, so that text stayed in the heap twice (the module's source and the string),
 * 8.4 MB of the web server's 64 MB that survive a collection (docs/decisions/095-live-heap.md). This makes the
 * client read the same file and decode it, so the text is garbage once the module is compiled.
 */
function loadCompilerFromFile(file: string) {
  const generated = read(file);
  const imported = /const \{ wasm \} = await import\(("@prisma\/client\/runtime\/[\w.]+\.wasm-base64\.mjs")\)\n(\s*)return await decodeBase64AsWasm\(wasm\)/;
  const found = generated.match(imported);
  if (!found) throw new Error(`${file} no longer imports the compiler's base64 module; update scripts/db.ts`);
  const [, specifier, indent] = found;
  const replacement = [
    `// Convene (scripts/db.ts, loadCompilerFromFile): the base64 text is read, decoded and dropped, not kept as a module.`,
    `const { readFileSync } = await import("node:fs")`,
    `const { createRequire } = await import("node:module")`,
    `const text = readFileSync(createRequire(import.meta.url).resolve(${specifier}), "latin1")`,
    `const start = text.indexOf('"') + 1`,
    `return await decodeBase64AsWasm(text.slice(start, text.indexOf('"', start)))`,
  ].join(`\n${indent}`);
  fs.writeFileSync(path.join(root, file), generated.replace(imported, replacement));
}

async function deploy() {
  prisma(isPostgres() ? PG : SQLITE, ["migrate", "deploy"]);
  const filled = await fillSortKeys(process.env.DATABASE_URL ?? "file:./data/convene.db");
  if (filled) console.info(`Sort keys written for ${filled} rows.`);
}

/** The tables whose `sortName` holds sortKey(name) (app/utils/sort-key.ts). */
const SORTED_BY_NAME = ["Agency", "AgendaPerson", "Registration"];

/**
 * Writes sortKey(name) into every row whose sortName differs: rows from before the column existed
 * (the migration could only put lower(name) there) and rows written by hand. The app writes the key
 * itself on every write, so after the first deploy this finds nothing.
 */
async function fillSortKeys(url: string): Promise<number> {
  let filled = 0;
  if (isPostgres(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN");
      for (const table of SORTED_BY_NAME) {
        const { rows } = await client.query<{ id: string; name: string; sortName: string }>(`SELECT "id", "name", "sortName" FROM "${table}"`);
        for (const r of rows.filter((r) => sortKey(r.name) !== r.sortName)) {
          await client.query(`UPDATE "${table}" SET "sortName" = $1 WHERE "id" = $2`, [sortKey(r.name), r.id]);
          filled++;
        }
      }
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    return filled;
  }
  const file = path.resolve(root, url.replace(/^file:/, ""));
  const sqlite = new Database(file, { timeout: 30_000 });
  try {
    sqlite.transaction(() => {
      for (const table of SORTED_BY_NAME) {
        const rows = sqlite.prepare(`SELECT "id", "name", "sortName" FROM "${table}"`).all() as { id: string; name: string; sortName: string }[];
        const update = sqlite.prepare(`UPDATE "${table}" SET "sortName" = ? WHERE "id" = ?`);
        for (const r of rows.filter((r) => sortKey(r.name) !== r.sortName)) {
          update.run(sortKey(r.name), r.id);
          filled++;
        }
      }
    }).immediate();
  } finally {
    sqlite.close();
  }
  return filled;
}

/** The SQL that takes the migrations folder to the schema, or "" when they are in step. */
function pendingSql(target: Target, env: NodeJS.ProcessEnv): string {
  const out = prisma(target, ["migrate", "diff", "--from-migrations", target.migrations, "--to-schema-datamodel", target.schema, "--script"], env, "pipe");
  return /^\s*(-- This is an empty migration\.)?\s*$/.test(out) ? "" : out;
}

function migrate(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("--name: lower-case letters, digits and underscores");
  const env = needShadow();
  writeTwin();
  // Migrations apply in name order: the new one must sort after every existing one in both folders.
  const latest = [SQLITE, PG].flatMap((t) => fs.readdirSync(path.join(root, t.migrations))).map((f) => Number(f.slice(0, 14))).filter(Number.isFinite);
  const now = Number(new Date().toISOString().replace(/\D/g, "").slice(0, 14));
  const stamp = String(Math.max(now, ...latest.map((n) => n + 1)));
  for (const [target, targetEnv] of [[SQLITE, { ...process.env, DATABASE_URL: "file:./.tmp/migrate-shadow.db" }], [PG, env]] as const) {
    const sql = pendingSql(target, targetEnv);
    if (!sql) continue;
    const dir = path.join(root, target.migrations, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.info(`wrote ${path.relative(root, dir)}/migration.sql`);
  }
}

function check() {
  const env = needShadow();
  const problems: string[] = [];
  if (!fs.existsSync(path.join(root, PG.schema)) || read(PG.schema) !== expectedTwin()) {
    problems.push(`${PG.schema} is not the twin of ${SQLITE.schema}: run \`npx tsx scripts/db.ts schemas\` and commit it.`);
  }
  for (const [target, targetEnv] of [[SQLITE, { ...process.env, DATABASE_URL: "file:./.tmp/check-shadow.db" }], [PG, env]] as const) {
    if (pendingSql(target, targetEnv)) {
      problems.push(`${target.migrations} does not reach ${target.schema}: run \`npm run db:migrate -- --name <change>\`.`);
    }
  }
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.info("Schemas and migrations of SQLite and PostgreSQL are in step.");
}

const [command, ...rest] = process.argv.slice(2);
if (command === "schemas") writeTwin();
else if (command === "generate") generate();
else if (command === "deploy") await deploy();
else if (command === "migrate") migrate(rest[rest.indexOf("--name") + 1] ?? "");
else if (command === "check") check();
else {
  console.error("usage: tsx scripts/db.ts schemas | generate | deploy | migrate --name x | check");
  process.exit(2);
}
