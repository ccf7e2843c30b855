import { requireAgencyScope } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, dialect, transaction } from "~/utils/db.server";
import { filterSql, type Filters } from "./recommendations.server";

// The count of recommendations per lead agency and status, as the database keeps it
// (RecommendationTally, docs/decisions/092-recommendation-tally.md). Triggers add a row of +1 or -1 for
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

/** Folds the tally when it holds more than TALLY_SLACK rows beyond its `pairs` (what a read of every pair found). */
export async function foldIfGrown(rows: number, pairs: number): Promise<void> {
  if (rows > pairs + TALLY_SLACK) await foldTally();
}

/**
 * Replaces the tally's rows with one per (lead agency, status) pair, their sum, dropping pairs that sum
 * to nothing. PostgreSQL: one statement deletes the rows it sees and inserts their sums, so a row added
 * meanwhile by a writer is neither lost nor counted twice, and a second fold at once skips the rows the
 * first deleted. SQLite: one write transaction, which no writer can enter meanwhile.
 */
export async function foldTally(): Promise<void> {
  if (dialect() === "postgresql") {
    await db.$executeRaw`WITH "gone" AS (DELETE FROM "RecommendationTally" RETURNING "leadAgencyId", "status", "delta")
      INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta")
      SELECT "leadAgencyId", "status", SUM("delta") FROM "gone" GROUP BY "leadAgencyId", "status" HAVING SUM("delta") <> 0`;
    return;
  }
  await transaction(async (tx) => {
    const [{ last }] = await tx.$queryRaw<{ last: number | bigint | null }[]>`SELECT MAX("id") AS "last" FROM "RecommendationTally"`;
    if (last === null) return;
    await tx.$executeRaw`INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta")
      SELECT "leadAgencyId", "status", SUM("delta") FROM "RecommendationTally" WHERE "id" <= ${last}
      GROUP BY "leadAgencyId", "status" HAVING SUM("delta") <> 0`;
    await tx.$executeRaw`DELETE FROM "RecommendationTally" WHERE "id" <= ${last}`;
  });
}
