import { Prisma as PrismaSql } from "~/generated/prisma/client.ts";
import { key } from "~/i18n/translate";
import { dialect, transaction, type Tx } from "./db.server";
import { Refused, formRefusal, type Outcome } from "./forms.server";

// One stale-save refusal for the forms whose text someone else may be editing at the same time (the
// summary record, a meeting's translations, a recommendation's, the themes' names): the save locks what
// the form was made from, reads it again, compares it with what the form says it was made from, and
// refuses when they differ, so nobody's save is written over. One refusal text for all of them.

export const STALE = key("common:error.stale");

/** Locks the rows a save depends on, first thing in its transaction. */
export type Lock = (tx: Tx) => Promise<void>;

/**
 * PostgreSQL: a row lock on the rows of `table` (where `column` is `value`, or all of them), held until
 * the transaction ends, so a second save waits and then reads the first one's rows. FOR NO KEY UPDATE
 * does not block inserts that merely reference the rows. SQLite: the transaction's BEGIN IMMEDIATE
 * (app/utils/db.server.ts) already holds the database's one write lock.
 */
export function rowLock(table: "Recommendation" | "SummaryRecord" | "Theme", where?: { column: "id" | "meetingId"; value: string }): Lock {
  return async (tx) => {
    if (dialect() !== "postgresql") return;
    const filter = where ? PrismaSql.sql`WHERE ${PrismaSql.raw(`"${where.column}"`)} = ${where.value}` : PrismaSql.empty;
    await tx.$queryRaw`SELECT 1 FROM ${PrismaSql.raw(`"${table}"`)} ${filter} ORDER BY "id" FOR NO KEY UPDATE`;
  };
}

/**
 * Runs `save` in a transaction after `lock`, given what `read` finds, unless `unchanged` says that is not
 * what the form was made from: then nothing is written and the form gets STALE. A Refused thrown by
 * `save` rolls back and becomes its refusal; two first saves at once (a unique key taken meanwhile) give
 * the loser STALE too.
 */
export async function saveIfUnchanged<C, T>(
  guard: { lock: Lock; read: (tx: Tx) => Promise<C>; unchanged: (current: C) => boolean },
  save: (tx: Tx, current: C) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  try {
    return await transaction(async (tx) => {
      await guard.lock(tx);
      const current = await guard.read(tx);
      if (!guard.unchanged(current)) throw new Refused(formRefusal(STALE));
      return save(tx, current);
    });
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    if ((e as { code?: unknown } | null)?.code === "P2002") return formRefusal(STALE);
    throw e;
  }
}
