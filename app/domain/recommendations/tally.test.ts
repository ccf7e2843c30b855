import { describe, expect, it } from "vitest";
import { createAgency, createMeeting } from "~/test/factories";
import { actor, recommendationData } from "~/test/factories.recommendations";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, dialect } from "~/utils/db.server";
import { AGENCIES_SHOWN, dashboard } from "./dashboard.server";
import { TALLY_SLACK, foldTally } from "./tally.server";
import { STATUSES } from "./status";

// The tally (RecommendationTally, decision 092) is kept by database triggers. Whatever writes the
// recommendations, its sums must equal a count of the rows, on SQLite and PostgreSQL alike; folding it
// must not change them, even while others write.

/** The tally's sums and a count of the recommendations, per "agency status", pairs of zero left out. */
async function tallyAndCount() {
  const sums = await db.recommendationTally.groupBy({ by: ["leadAgencyId", "status"], _sum: { delta: true } });
  const counts = await db.recommendation.groupBy({ by: ["leadAgencyId", "status"], _count: { _all: true } });
  const asMap = (rows: { key: string; n: number }[]) => new Map(rows.filter((r) => r.n).map((r) => [r.key, r.n]));
  return {
    tally: asMap(sums.map((g) => ({ key: `${g.leadAgencyId} ${g.status}`, n: g._sum.delta ?? 0 }))),
    count: asMap(counts.map((g) => ({ key: `${g.leadAgencyId} ${g.status}`, n: g._count._all }))),
  };
}

describe("the recommendation tally", () => {
  it("equals a count of the recommendations after every kind of write, and folding keeps it", async () => {
    const meeting = await createMeeting();
    const [a, b, c] = await Promise.all([createAgency(), createAgency(), createAgency()]);
    const one = await db.recommendation.create({ data: recommendationData(meeting.id, a.id, { status: "PROPOSED" }) });
    await db.recommendation.createMany({ data: Array.from({ length: 12 }, (_, i) => recommendationData(meeting.id, [a, b, c][i % 3].id, { status: STATUSES[i % STATUSES.length], code: `TALLY-${10 + i}-${meeting.id.slice(-6)}` })) });
    await db.recommendation.update({ where: { id: one.id }, data: { status: "ADOPTED" } });
    await db.recommendation.update({ where: { id: one.id }, data: { leadAgencyId: b.id, title: "Renamed" } });
    await db.recommendation.update({ where: { id: one.id }, data: { title: "Only the title" } });
    await db.recommendation.updateMany({ where: { leadAgencyId: c.id }, data: { status: "IN_PROGRESS" } });
    await db.$executeRaw`UPDATE "Recommendation" SET "leadAgencyId" = ${a.id} WHERE "leadAgencyId" = ${c.id} AND "code" LIKE 'TALLY-1%'`;
    await db.recommendation.deleteMany({ where: { leadAgencyId: b.id, status: "PROPOSED" } });
    await db.$transaction(async (tx) => {
      await tx.recommendation.create({ data: recommendationData(meeting.id, c.id, { status: "IMPLEMENTED" }) });
      throw new Error("rolled back");
    }).catch(() => {});

    const before = await tallyAndCount();
    expect(before.tally).toEqual(before.count);
    expect(await db.recommendationTally.count()).toBeGreaterThan(before.count.size);
    await foldTally();
    const after = await tallyAndCount();
    expect(after.tally).toEqual(after.count);
    expect(await db.recommendationTally.count()).toBe(after.count.size);
  });

  it("serves the dashboard's matrix, its largest agencies and the others summed, as a count would", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting();
    const agencies = await Promise.all(Array.from({ length: AGENCIES_SHOWN + 3 }, () => createAgency()));
    await db.recommendation.createMany({
      data: agencies.flatMap((agency, k) => Array.from({ length: k + 1 }, (_, i) => recommendationData(meeting.id, agency.id, { status: STATUSES[(i + k) % STATUSES.length] }))),
    });
    // From the tally (no filter) and counted from the rows (a priority filter every row matches): the same figures.
    const [tallied, counted] = await Promise.all([dashboard(sec, {}), dashboard(sec, { priority: "MEDIUM" })]);
    expect(tallied.matrix).toEqual(counted.matrix);
    expect(tallied.byStatus).toEqual(counted.byStatus);
    expect(tallied.total).toBe(counted.total);
    const sizes = (await db.recommendation.groupBy({ by: ["leadAgencyId"], _count: { _all: true } })).map((g) => g._count._all).sort((x, y) => y - x);
    const sum = (ns: number[]) => ns.reduce((n, x) => n + x, 0);
    expect(sizes.length).toBeGreaterThan(AGENCIES_SHOWN);
    expect(tallied.matrix.slice(0, -1).map((r) => r.count)).toEqual(sizes.slice(0, AGENCIES_SHOWN));
    const others = tallied.matrix.at(-1)!;
    expect([others.key, others.others, others.count]).toEqual(["others", sizes.length - AGENCIES_SHOWN, sum(sizes.slice(AGENCIES_SHOWN))]);
    expect(sum(Object.values(others.byStatus))).toBe(others.count);
  });

  it("is folded by the dashboard's unfiltered read once it has grown, not by a filtered one", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting();
    const agency = await createAgency();
    await db.recommendation.create({ data: recommendationData(meeting.id, agency.id, { status: "ADOPTED" }) });
    await foldTally();
    const before = await dashboard(sec, {});
    // Changes that cancel out, more of them than the slack: the counts stay, the rows grow.
    const churn = Array.from({ length: TALLY_SLACK + 10 }, (_, i) => ({ leadAgencyId: agency.id, status: "PROPOSED" as const, delta: i % 2 ? 1 : -1 }));
    await db.recommendationTally.createMany({ data: churn });
    const grown = await db.recommendationTally.count();
    const filtered = await dashboard(sec, { agency: agency.id });
    expect(await db.recommendationTally.count()).toBe(grown);
    expect(filtered.total).toBe(1);
    const after = await dashboard(sec, {});
    expect(await db.recommendationTally.count()).toBeLessThan(grown - TALLY_SLACK);
    expect([after.total, after.matrix]).toEqual([before.total, before.matrix]);
  });

  it("loses and doubles nothing when it is folded while others write", async () => {
    const meeting = await createMeeting();
    const agencies = await Promise.all([createAgency(), createAgency()]);
    const recs = Array.from({ length: 40 }, (_, i) => recommendationData(meeting.id, agencies[i % 2].id, { status: "PROPOSED" }));
    await db.recommendation.createMany({ data: recs });
    const writes = recs.map(async (r, i) => {
      for (const status of ["ADOPTED", "IN_PROGRESS", i % 2 ? "IMPLEMENTED" : "NOT_IMPLEMENTED"] as const) {
        await db.$transaction(async (tx) => {
          await tx.recommendation.update({ where: { id: r.id }, data: { status } });
          // Held open a moment, so folds run while changes are written but not yet committed.
          if (dialect() === "postgresql") await tx.$executeRaw(Prisma.sql`SELECT pg_sleep(0.002)`);
        });
      }
    });
    let done = false;
    const folds = (async () => {
      let n = 0;
      while (!done || n < 3) {
        await foldTally();
        n++;
      }
      return n;
    })();
    await Promise.all(writes);
    done = true;
    expect(await folds).toBeGreaterThanOrEqual(3);
    const { tally, count } = await tallyAndCount();
    expect(tally).toEqual(count);
  });
});
