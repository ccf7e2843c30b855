import { describe, expect, it } from "vitest";
import { createRecommendationRow } from "~/test/factories.recommendations";
import { db, dialect, type Tx } from "./db.server";
import type { Outcome } from "./forms.server";
import { rowLock, saveIfUnchanged, type Lock } from "./save-if-unchanged.server";

// The one stale-save refusal: a save that starts while another one is under way waits for it, reads
// what it wrote, and is refused; it never writes over it.

/** PostgreSQL: until the backend `pid` waits for a lock another transaction holds. */
async function waitsForALock(pid: number) {
  for (;;) {
    const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE "pid" = ${pid} AND "wait_event_type" = 'Lock'`;
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("saveIfUnchanged", () => {
  it("makes a save started during another one wait for it, then refuses it", async () => {
    const rec = await createRecommendationRow();
    const guard = (lock: Lock) => ({
      lock,
      read: (tx: Tx) => tx.recommendation.findUniqueOrThrow({ where: { id: rec.id }, select: { title: true } }),
      unchanged: (current: { title: string }) => current.title === "Share data",
    });
    const write = (title: string) => async (tx: Tx): Promise<Outcome<{ title: string }>> => {
      await tx.recommendation.update({ where: { id: rec.id }, data: { title }, select: { id: true } });
      return { ok: true, title };
    };
    const lock = rowLock("Recommendation", { column: "id", value: rec.id });
    let second: Promise<Outcome<{ title: string }>> | undefined;
    const first = await saveIfUnchanged(guard(lock), async (tx, current) => {
      expect(current.title).toBe("Share data");
      const written = await write("First")(tx);
      // A second save starts before the first commits.
      let started!: (pid: number) => void;
      const pid = new Promise<number>((resolve) => (started = resolve));
      second = saveIfUnchanged(
        guard(async (tx2) => {
          if (dialect() === "postgresql") started((await tx2.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`)[0].pid);
          await lock(tx2);
        }),
        write("Second"),
      );
      // PostgreSQL runs both transactions at once: the first commits once the second waits, at the
      // lock (or, without it, at the row the first wrote). SQLite starts the second only after the
      // first commits (one write transaction at a time).
      if (dialect() === "postgresql") await waitsForALock(await pid);
      return written;
    });
    expect(first).toEqual({ ok: true, title: "First" });
    expect(await second).toEqual({ ok: false, formErrors: ["common:error.stale"] });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).title).toBe("First");
  });
});
