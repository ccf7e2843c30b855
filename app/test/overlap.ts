import { vi } from "vitest";
import { db, dialect, type Tx } from "~/utils/db.server";

// Two saves that truly overlap, decided by the database, not by timing: the second starts inside the
// first's transaction, after the first has written, and the first commits only once the second is held
// up by it (PostgreSQL: the second's backend waits for a lock the first holds) or has finished. A save
// that locks what it reads waits before reading and then reads the first's commit; one that does not
// reads the old rows and waits only at a row the first wrote, then writes over it. SQLite runs one write
// transaction at a time (BEGIN IMMEDIATE, and one at a time per process): the second starts after the
// first commits.

/** PostgreSQL: until some backend waits for a lock held by the backend `pid`. */
async function heldUpBy(pid: number) {
  for (;;) {
    const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids("pid"))`;
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs `first`; inside its (next) transaction, after its writes, starts `second` as described above. */
export async function overlapping<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const real = db.$transaction.bind(db) as (fn: (tx: Tx) => Promise<unknown>, options?: unknown) => Promise<unknown>;
  let started: Promise<B> | undefined;
  const spy = vi.spyOn(db, "$transaction").mockImplementationOnce(((fn: (tx: Tx) => Promise<unknown>, options?: unknown) =>
    real(async (tx) => {
      const result = await fn(tx);
      const run = (started = second());
      if (dialect() === "postgresql") {
        const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`;
        await Promise.race([heldUpBy(pid), run.then(() => undefined, () => undefined)]);
      }
      return result;
    }, options)) as typeof db.$transaction);
  try {
    const a = await first();
    if (!started) throw new Error("overlapping: the first save ran no transaction");
    return [a, await started];
  } finally {
    spy.mockRestore();
  }
}
