import { describe, expect, it } from "vitest";
import { createRecommendationRow } from "~/test/factories.recommendations";
import { overlapping } from "~/test/overlap";
import { db, type Tx } from "./db.server";
import type { Outcome } from "./forms.server";
import { rowLock, saveIfUnchanged } from "./save-if-unchanged.server";

// The one stale-save refusal: a save that starts while another one is under way waits for it, reads
// what it wrote, and is refused; it never writes over it.

describe("saveIfUnchanged", () => {
  it("makes a save started during another one wait for it, then refuses it", async () => {
    const rec = await createRecommendationRow();
    const guard = {
      lock: rowLock("Recommendation", { column: "id", value: rec.id }),
      read: (tx: Tx) => tx.recommendation.findUniqueOrThrow({ where: { id: rec.id }, select: { title: true } }),
      unchanged: (current: { title: string }) => current.title === "Share data",
    };
    const save = (title: string) => () =>
      saveIfUnchanged(guard, async (tx): Promise<Outcome<{ title: string }>> => {
        await tx.recommendation.update({ where: { id: rec.id }, data: { title }, select: { id: true } });
        return { ok: true, title };
      });
    // The second starts inside the first's transaction (test/overlap.ts): without the row lock it would
    // read the title as it was, find it unchanged and write over the first's.
    expect(await overlapping(save("First"), save("Second"))).toEqual([{ ok: true, title: "First" }, { ok: false, formErrors: ["common:error.stale"] }]);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).title).toBe("First");
  });
});
