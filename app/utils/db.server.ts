import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { PrismaClient as PgClient } from "~/generated/prisma-pg/client.ts";
import { env } from "./env.server";
import { sortKey } from "./sort-key";

// One client, two databases: DATABASE_URL=file:... is the embedded SQLite file, postgresql://...
// a PostgreSQL server (docs/decisions/060-postgresql.md). This is the one module that knows which.

export type { Prisma } from "~/generated/prisma/client.ts";
// The PostgreSQL client is generated from the same models (prisma/postgres/schema.prisma is a
// generated twin), so the SQLite client's type describes both.
export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type Dialect = "sqlite" | "postgresql";

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

export function dialect(): Dialect {
  return dialectOf(env().DATABASE_URL);
}

/**
 * Limits of every interactive transaction. maxWait covers hundreds of seat transactions queued
 * behind one another; timeout covers the largest batch (a delegation or an import).
 */
export const TX_LIMITS = { maxWait: 120_000, timeout: 60_000 } as const;

/**
 * How long a SQLite statement waits for another process's write lock before SQLITE_BUSY. Longer
 * than any transaction can hold it (Prisma rolls back at `timeout`) plus the wait to start one, so
 * a busy error means something is really stuck.
 */
export const SQLITE_BUSY_TIMEOUT_MS = TX_LIMITS.maxWait + TX_LIMITS.timeout;

/**
 * How many prepared statements each SQLite connection keeps. The adapter prepares every query anew;
 * the app sends a few hundred distinct SQL texts (lists of ids of varying length add more), so the
 * bound only stops a slow leak from unusual ones.
 */
const STATEMENT_CACHE_SIZE = 500;

/** The part of a better-sqlite3 statement the adapter uses, as it uses it: prepare(sql).bind(args). */
type StatementView = {
  reader: boolean;
  bind(args: unknown[]): StatementView;
  run(): BetterSqlite3.RunResult;
  columns(): BetterSqlite3.ColumnDefinition[];
  raw(): { all(): unknown[] };
};

/**
 * A prepare() that reuses statements, most recently used first, up to STATEMENT_CACHE_SIZE. The
 * adapter (@prisma/adapter-better-sqlite3, read in 7.10.0 and 6.19.3) calls `prepare(sql).bind(args)`,
 * then run(), or `reader`, columns() and raw().all(); bind() fixes a statement's parameters for good,
 * so the cache hands out a view that passes them to each call instead, and sets raw mode on each call.
 * Safe integers are the connection's default (set by the adapter before any prepare), and every call
 * runs to the end synchronously, so no statement is in use twice. better-sqlite3's own prepares
 * (pragma, transaction helpers) do not go through this method.
 */
function cachingPrepare(prepare: (sql: string) => BetterSqlite3.Statement): (sql: string) => StatementView {
  const cache = new Map<string, BetterSqlite3.Statement>();
  // A statement's result columns are fixed when it is prepared (every cached SQL text names its columns;
  // the schema does not change while the app serves): asked once, not on every query (a native call that
  // builds new objects each time, about 3 % of a rendered page's CPU).
  const columnsOf = new WeakMap<BetterSqlite3.Statement, BetterSqlite3.ColumnDefinition[]>();
  const columns = (stmt: BetterSqlite3.Statement) => {
    let known = columnsOf.get(stmt);
    if (!known) columnsOf.set(stmt, (known = stmt.columns()));
    return known;
  };
  const view = (stmt: BetterSqlite3.Statement, args: unknown[]): StatementView => ({
    reader: stmt.reader,
    bind: (next) => view(stmt, next),
    run: () => stmt.run(...args),
    columns: () => columns(stmt),
    raw: () => ({ all: () => stmt.raw(true).all(...args) }),
  });
  return (sql) => {
    let stmt = cache.get(sql);
    if (stmt) cache.delete(sql);
    else {
      stmt = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return view(stmt, []);
  };
}

/**
 * The SQLite adapter opens every transaction with a plain (deferred) BEGIN. A deferred transaction
 * that reads before it writes cannot become a writer once another process has committed
 * (SQLITE_BUSY without waiting), so transactions here start with BEGIN IMMEDIATE: the write lock is
 * taken first, waiting up to the busy timeout, and everything read after it is current. Within one
 * process the adapter already runs transactions one at a time.
 */
class SQLiteImmediate extends PrismaBetterSqlite3 {
  async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    client.pragma("journal_mode = WAL");
    client.pragma("foreign_keys = ON");
    keepStatistics(client);
    const prepare = client.prepare.bind(client);
    // Rewritten once per SQL text, when the statement is first prepared (the cache is keyed by Prisma's text).
    client.prepare = cachingPrepare((sql) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : withLikeEscape(sql))) as unknown as typeof client.prepare;
    return adapter;
  }
}

/** How often a connection refreshes the query planner's statistics (SQLite suggests hourly or daily). */
const OPTIMIZE_EVERY_MS = 3_600_000;

/**
 * The query planner's statistics (sqlite_stat1), kept as SQLite recommends for a long-lived connection
 * (docs/decisions/096-sqlite-statistics.md): `PRAGMA optimize=0x10002` when the connection opens analyses the
 * tables that were never analysed or have changed much, with a bounded effort, and `PRAGMA optimize` every hour
 * after. Without statistics SQLite guesses, and for a 5,000-person meeting filtered by status and role it
 * walked every registration in date order (1.9 ms) instead of the few matching ones (0.26 ms). PostgreSQL keeps
 * its own (autovacuum's ANALYZE). A failure only leaves the plans as they were.
 */
export function keepStatistics(client: BetterSqlite3.Database) {
  const optimize = (how: string) => {
    try {
      client.pragma(how);
    } catch (error) {
      console.warn(`PRAGMA ${how} failed; query plans keep the statistics they had.`, error);
    }
  };
  optimize("optimize=0x10002");
  const timer = setInterval(() => (client.open ? optimize("optimize") : clearInterval(timer)), OPTIMIZE_EVERY_MS);
  timer.unref();
}

/**
 * Prisma's three LIKE shapes on SQLite (contains, startsWith, endsWith). SQLite's LIKE has no escape
 * character unless the statement names one and Prisma names none, so a "%" or "_" searched for would
 * match anything; every one of them gets ESCAPE '\', the character likeEscaped escapes with (and
 * PostgreSQL's default). Raw SQL of the app writes its own ESCAPE and does not have these shapes.
 */
const PRISMA_LIKE = /LIKE \((?:'%' \|\| \? \|\| '%'|\? \|\| '%'|'%' \|\| \?)\)/g;

export function withLikeEscape(sql: string): string {
  return sql.includes("LIKE (") ? sql.replace(PRISMA_LIKE, "$& ESCAPE '\\'") : sql;
}

/** Text to find literally inside a LIKE pattern whose escape character is a backslash. */
export function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Data = Record<string, unknown>;
const isData = (v: unknown): v is Data => typeof v === "object" && v !== null && !Array.isArray(v);

/** Sets sortName = sortKey(name) in each row of a create or update `data` that writes a name. */
function keyRows(data: unknown) {
  for (const row of Array.isArray(data) ? data : [data]) {
    if (!isData(row)) continue;
    const name = isData(row.name) ? row.name.set : row.name;
    if (typeof name === "string") row.sortName = sortKey(name);
  }
}

/** The `data` parts of an operation's arguments: data, or create and update of an upsert. */
function dataOf(args: unknown): unknown[] {
  return isData(args) ? [args.data, args.create, args.update].filter((d) => d !== undefined) : [];
}

/** Agenda items are the one place people (AgendaPerson) are written nested, when a meeting is copied. */
function keyNestedPeople(data: unknown) {
  for (const item of Array.isArray(data) ? data : [data]) {
    if (!isData(item) || !isData(item.people)) continue;
    keyRows(item.people.create);
    if (isData(item.people.createMany)) keyRows(item.people.createMany.data);
  }
}

/**
 * Every write of a name also writes its sort key (app/utils/sort-key.ts), so no caller can forget it.
 * Query extensions also run inside interactive transactions. The result keeps the plain client's
 * type: the extension changes no argument or result type.
 */
function withSortKeys(client: PrismaClient): PrismaClient {
  const named = {
    async $allOperations({ args, query }: { args: unknown; query: (args: unknown) => Promise<unknown> }) {
      dataOf(args).forEach(keyRows);
      return query(args);
    },
  };
  return client.$extends({
    query: {
      agency: named,
      agendaPerson: named,
      registration: named,
      agendaItem: {
        async $allOperations({ args, query }: { args: unknown; query: (args: unknown) => Promise<unknown> }) {
          dataOf(args).forEach(keyNestedPeople);
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
}

function createClient(url: string): PrismaClient {
  if (dialectOf(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url });
    // The cast is needed: the two generated client types differ only in provider-specific options.
    return withSortKeys(new PgClient({ adapter, transactionOptions: TX_LIMITS }) as unknown as PrismaClient);
  }
  return withSortKeys(new PrismaClient({ adapter: new SQLiteImmediate({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }), transactionOptions: TX_LIMITS }));
}

declare global {
  // Survives Vite dev-server module reloads.
  var __conveneDb: PrismaClient | undefined;
  var __conveneDbReady: Promise<void> | undefined;
}

export const db: PrismaClient = (globalThis.__conveneDb ??= createClient(env().DATABASE_URL));

/** Connects (and on SQLite sets WAL, which lets worker and web processes share the file). */
export function dbReady(): Promise<void> {
  globalThis.__conveneDbReady ??= db.$connect();
  return globalThis.__conveneDbReady;
}

/**
 * A lock conflict the database resolved by aborting one side: PostgreSQL's deadlock (40P01) and
 * serialization (40001, P2034) failures, SQLite's busy error (P1008 or the raw SQLITE_BUSY).
 */
export function isRetryable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (err?.code === "P2034" || err?.code === "P1008") return true;
  return /SQLITE_BUSY|database is locked|deadlock detected|could not serialize|\b40P01\b|\b40001\b/.test(String(err?.message ?? ""));
}

/**
 * An interactive transaction that is run again from the start when the database aborted it over a
 * lock conflict. Safe because an aborted transaction left nothing behind; use it for work whose
 * only effects are in the database (mail goes through the outbox, written in the same transaction).
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn);
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
    }
  }
}

/**
 * The one case-insensitive "contains" filter, the same on both databases: SQLite's LIKE ignores
 * ASCII case; PostgreSQL's ILIKE (mode "insensitive") does the same on the searched columns, which
 * are collated "C" (docs/decisions/060-postgresql.md). Letters outside ASCII match case-sensitively.
 * "%", "_" and "\\" in the term are found as themselves (likeEscaped; ESCAPE on SQLite, withLikeEscape).
 */
export function containsText(term: string): { contains: string } {
  const contains = likeEscaped(term);
  return (dialect() === "postgresql" ? { contains, mode: "insensitive" } : { contains }) as { contains: string };
}
