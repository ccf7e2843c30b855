import { requireAgencyScope } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, dialect, transaction } from "~/utils/db.server";
import { filterSql, type Filters } from "./recommendations.server";
import { CLOSED_STATUSES, STATUSES, type Status } from "./status";

// The count of recommendations per lead agency and status, as the database keeps it
// (RecommendationTally, docs/decisions/092-recommendation-tally.md), and per status and month due
// (RecommendationDueTally, docs/decisions/101-overdue-tally.md), for the dashboard's overdue count. Triggers add a row of +1 or -1 for
// every insert, delete and change of lead agency or status, so every write path, Prisma's or raw SQL, keeps
// it and no writer waits on another's tally rows. Summing it reads a row per (lead agency, status) pair and
// the changes since it was last folded, where counting the recommendations reads every one of them.

/**
 * How many more rows than pairs the tally may have before a read folds it: a few imports' worth, so
 * folding is rare and the rows a read sums stay few.
 */
export const TALLY_SLACK = 2_000;

/**
 * Rows ("a" lead agency id, "s" status, "n" how many) of the recommendations matching `f` for `actor`, one
 * per pair with any; `wholeTally` when they are every pair of the tally, so that their number tells whether
 * the tally has grown (foldIfGrown).
 */
export type StatusPairs = { sql: Prisma.Sql; wholeTally: boolean };

/**
 * The counts per (lead agency, status) as SQL: from the tally when it can answer (it counts every
 * recommendation, so it serves someone who sees all of them, filtering on lead agency or status at
 * most), otherwise counted from the recommendations that match.
 */
export function statusPairs(actor: Actor, f: Filters, now: Date): StatusPairs {
  const { agencyId } = requireAgencyScope(actor, "recommendations:view");
  if (agencyId || f.q || f.theme || f.meeting || f.priority || f.overdue) {
    return {
      sql: Prisma.sql`SELECT r."leadAgencyId" AS "a", CAST(r."status" AS TEXT) AS "s", COUNT(*) AS "n" FROM "Recommendation" r
        WHERE ${filterSql(actor, f, now)} GROUP BY r."leadAgencyId", r."status"`,
      wholeTally: false,
    };
  }
  const and = [
    ...(f.status ? [Prisma.sql`CAST("status" AS TEXT) = ${f.status}`] : []),
    ...(f.agency ? [Prisma.sql`"leadAgencyId" = ${f.agency}`] : []),
  ];
  return {
    sql: Prisma.sql`SELECT "leadAgencyId" AS "a", CAST("status" AS TEXT) AS "s", SUM("delta") AS "n" FROM "RecommendationTally"
      ${and.length ? Prisma.sql`WHERE ${Prisma.join(and, " AND ")}` : Prisma.empty}
      GROUP BY "leadAgencyId", "status" HAVING SUM("delta") <> 0`,
    wholeTally: !and.length,
  };
}

/**
 * How many rows the due tally may hold before the overdue count folds it. Folded, it has a row per status and
 * month due (seven statuses, so 500 years of due months); every fold of the status tally (foldIfGrown)
 * folds it too, so it rarely reaches this.
 */
export const DUE_TALLY_ROWS = 5_000;

const OPEN_STATUSES: Status[] = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

/**
 * How many recommendations matching `f` are overdue (due before `now`, not closed: overdueWhere) from the due
 * tally, or null when it cannot answer: it counts every recommendation, so it serves someone who sees all of
 * them, filtering on status at most. The months before `now`'s (UTC) come from the tally; the recommendations
 * due earlier in `now`'s month are counted from the (status, dueDate) index, a month's worth at most.
 */
export async function overdueFromTally(actor: Actor, f: Filters, now: Date): Promise<number | null> {
  const { agencyId } = requireAgencyScope(actor, "recommendations:view");
  if (agencyId || f.q || f.agency || f.theme || f.meeting || f.priority) return null;
  const statuses = f.status ? OPEN_STATUSES.filter((s) => s === f.status) : OPEN_STATUSES;
  if (!statuses.length) return 0;
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const month = monthStart.toISOString().slice(0, 7);
  // PostgreSQL compares an enumeration with text only through a cast; SQLite stores the status as text (and
  // uses the indexes on it only when it is compared as stored).
  const status = (column: Prisma.Sql) => (dialect() === "postgresql" ? Prisma.sql`CAST(${column} AS TEXT)` : column);
  const open = Prisma.join(statuses);
  const [found] = await db.$queryRaw<{ before: number | bigint | null; during: number | bigint; rows: number | bigint }[]>`
    SELECT
      (SELECT SUM("delta") FROM "RecommendationDueTally" WHERE ${status(Prisma.sql`"status"`)} IN (${open}) AND "dueMonth" < ${month}) AS "before",
      (SELECT COUNT(*) FROM "Recommendation" r WHERE ${status(Prisma.sql`r."status"`)} IN (${open}) AND r."dueDate" >= ${monthStart} AND r."dueDate" < ${now}) AS "during",
      (SELECT COUNT(*) FROM "RecommendationDueTally") AS "rows"`;
  if (Number(found.rows) > DUE_TALLY_ROWS) await foldTally();
  return Number(found.before ?? 0) + Number(found.during);
}

/** Folds the tally when it holds more than TALLY_SLACK rows beyond its `pairs` (what a read of every pair found). */
export async function foldIfGrown(rows: number, pairs: number): Promise<void> {
  if (rows > pairs + TALLY_SLACK) await foldTally();
}

/** The two tallies: each table and the columns its rows are summed by. */
const TALLIES = [
  { table: "RecommendationTally", keys: ["leadAgencyId", "status"] },
  { table: "RecommendationDueTally", keys: ["status", "dueMonth"] },
].map(({ table, keys }) => ({ table: Prisma.raw(`"${table}"`), keys: Prisma.raw(keys.map((k) => `"${k}"`).join(", ")) }));

/**
 * Replaces each tally's rows with one per key (lead agency and status; status and month due), their sum,
 * dropping keys that sum to nothing. PostgreSQL: one statement per tally deletes the rows it sees and inserts
 * their sums, so a row added meanwhile by a writer is neither lost nor counted twice, and a second fold at once
 * skips the rows the first deleted. SQLite: one write transaction, which no writer can enter meanwhile.
 */
export async function foldTally(): Promise<void> {
  if (dialect() === "postgresql") {
    for (const { table, keys } of TALLIES) {
      await db.$executeRaw`WITH "gone" AS (DELETE FROM ${table} RETURNING ${keys}, "delta")
        INSERT INTO ${table} (${keys}, "delta")
        SELECT ${keys}, SUM("delta") FROM "gone" GROUP BY ${keys} HAVING SUM("delta") <> 0`;
    }
    return;
  }
  await transaction(async (tx) => {
    for (const { table, keys } of TALLIES) {
      const [{ last }] = await tx.$queryRaw<{ last: number | bigint | null }[]>`SELECT MAX("id") AS "last" FROM ${table}`;
      if (last === null) continue;
      await tx.$executeRaw`INSERT INTO ${table} (${keys}, "delta")
        SELECT ${keys}, SUM("delta") FROM ${table} WHERE "id" <= ${last}
        GROUP BY ${keys} HAVING SUM("delta") <> 0`;
      await tx.$executeRaw`DELETE FROM ${table} WHERE "id" <= ${last}`;
    }
  });
}
