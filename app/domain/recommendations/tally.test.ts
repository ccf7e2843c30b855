import { describe, expect, it } from "vitest";
import { createAgency, createMeeting } from "~/test/factories";
import { actor, recommendationData } from "~/test/factories.recommendations";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, dialect } from "~/utils/db.server";
import { AGENCIES_SHOWN, dashboard } from "./dashboard.server";
import { overdueWhere } from "./recommendations.server";
import { DUE_TALLY_ROWS, TALLY_SLACK, foldTally, overdueFromTally } from "./tally.server";
import { STATUSES } from "./status";

// The tallies (RecommendationTally, decision 092; RecommendationDueTally, decision 101) are kept by database triggers. Whatever writes the
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

/**
 * A tally equals the count of the rows it stands for, holds more rows than keys before a fold, and one row per key
 * after it, still equal to the count.
 */
async function expectFoldKeepsCount(read: () => Promise<{ tally: Map<string, number>; count: Map<string, number> }>, rows: () => Promise<number>) {
  const before = await read();
  expect(before.tally).toEqual(before.count);
  expect(await rows()).toBeGreaterThan(before.count.size);
  await foldTally();
  const after = await read();
  expect(after.tally).toEqual(after.count);
  expect(await rows()).toBe(after.count.size);
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

    await expectFoldKeepsCount(tallyAndCount, () => db.recommendationTally.count());
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
    // With due dates, so each change moves both tallies.
    const recs = Array.from({ length: 40 }, (_, i) => ({ ...recommendationData(meeting.id, agencies[i % 2].id, { status: "PROPOSED" }), dueDate: new Date(Date.UTC(2026, i % 12, 1 + i)) }));
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
    const due = await dueTallyAndCount();
    expect(due.tally).toEqual(due.count);
  });
});

/** The due tally's sums and a count of the recommendations, per "status month due" (UTC), keys of zero left out. */
async function dueTallyAndCount() {
  const sums = await db.recommendationDueTally.groupBy({ by: ["status", "dueMonth"], _sum: { delta: true } });
  const rows = await db.recommendation.findMany({ where: { dueDate: { not: null } }, select: { status: true, dueDate: true } });
  const count = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.status} ${r.dueDate!.toISOString().slice(0, 7)}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return { tally: new Map(sums.filter((g) => g._sum.delta).map((g) => [`${g.status} ${g.dueMonth}`, g._sum.delta!])), count };
}

describe("the due tally and the overdue count", () => {
  const at = (iso: string) => new Date(iso);

  it("equals a count per status and month due after every kind of write, and folding keeps it", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const rec = (status: (typeof STATUSES)[number], dueDate: Date | null) => ({ ...recommendationData(meeting.id, agency.id, { status }), dueDate });
    const [one, two, three] = [rec("PROPOSED", at("2026-03-31T23:59:59.999Z")), rec("ADOPTED", null), rec("IN_PROGRESS", at("2026-04-01T00:00:00.000Z"))];
    await db.recommendation.createMany({ data: [one, two, three, ...STATUSES.map((status, i) => rec(status, at(`2025-${String(i + 1).padStart(2, "0")}-15T12:00:00Z`)))] });
    await db.recommendation.update({ where: { id: one.id }, data: { status: "ADOPTED" } });
    await db.recommendation.update({ where: { id: one.id }, data: { dueDate: at("2026-05-02T00:00:00Z") } });
    await db.recommendation.update({ where: { id: two.id }, data: { dueDate: at("2026-01-10T00:00:00Z") } });
    await db.recommendation.update({ where: { id: three.id }, data: { dueDate: null, title: "No date any more" } });
    await db.recommendation.update({ where: { id: one.id }, data: { title: "Only the title" } });
    await db.$executeRaw`UPDATE "Recommendation" SET "status" = 'IMPLEMENTED', "dueDate" = ${at("2024-12-31T23:00:00Z")} WHERE "id" = ${two.id}`;
    await db.recommendation.deleteMany({ where: { id: one.id } });
    await db.$transaction(async (tx) => {
      await tx.recommendation.create({ data: rec("ADOPTED", at("2026-02-01T00:00:00Z")) });
      throw new Error("rolled back");
    }).catch(() => {});

    await expectFoldKeepsCount(dueTallyAndCount, () => db.recommendationDueTally.count());
  });

  it("gives the overdue count a count of the rows gives, at every moment of a month and across its ends", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting();
    const agency = await createAgency();
    const dues = ["2026-05-31T23:59:59.999Z", "2026-06-01T00:00:00.000Z", "2026-06-01T00:00:00.001Z", "2026-06-15T12:00:00.000Z", "2026-06-30T23:59:59.999Z", "2026-07-01T00:00:00.000Z", "2025-12-31T23:59:59.999Z"];
    await db.recommendation.createMany({
      data: dues.flatMap((due, i) => STATUSES.map((status, k) => ({ ...recommendationData(meeting.id, agency.id, { status, code: `DUE-${i}-${k}-${meeting.id.slice(-6)}` }), dueDate: at(due) }))),
    });
    const moments = ["2026-05-31T23:59:59.999Z", "2026-06-01T00:00:00.000Z", "2026-06-01T00:00:00.001Z", "2026-06-15T12:00:00.000Z", "2026-06-15T12:00:00.001Z", "2026-06-30T23:59:59.999Z", "2026-07-01T00:00:00.000Z", "2026-07-01T00:00:00.001Z"];
    for (const moment of moments) {
      const now = at(moment);
      const counted = (status?: (typeof STATUSES)[number]) => db.recommendation.count({ where: { AND: [overdueWhere(now), status ? { status } : {}] } });
      expect(await overdueFromTally(sec, {}, now), moment).toBe(await counted());
      expect(await overdueFromTally(sec, { status: "ADOPTED" }, now), moment).toBe(await counted("ADOPTED"));
      expect(await overdueFromTally(sec, { status: "IMPLEMENTED" }, now), moment).toBe(0);
    }
    // Filters the tally does not hold, and an agency's own view, are counted from the rows instead.
    expect(await overdueFromTally(sec, { agency: agency.id }, at(moments[3]))).toBeNull();
    expect(await overdueFromTally(await actor("FOCAL_POINT", agency.id), {}, at(moments[3]))).toBeNull();
  });

  it("is folded by the overdue count once it holds more than its bound", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting();
    const agency = await createAgency();
    await db.recommendation.create({ data: { ...recommendationData(meeting.id, agency.id, { status: "ADOPTED" }), dueDate: at("2026-02-03T00:00:00Z") } });
    const now = at("2026-06-15T00:00:00Z");
    const before = await overdueFromTally(sec, {}, now);
    const churn = Array.from({ length: DUE_TALLY_ROWS + 10 }, (_, i) => ({ status: "ADOPTED" as const, dueMonth: "2026-02", delta: i % 2 ? 1 : -1 }));
    await db.recommendationDueTally.createMany({ data: churn });
    expect(await overdueFromTally(sec, {}, now)).toBe(before);
    expect(await db.recommendationDueTally.count()).toBeLessThan(DUE_TALLY_ROWS);
  });
});
