import { beforeAll, describe, expect, it } from "vitest";
import { createAgency, createMeeting } from "~/test/factories";
import { actor, createTheme } from "~/test/factories.recommendations";
import type { Actor } from "~/domain/auth/roles";
import { db } from "~/utils/db.server";
import { MEETINGS_SHOWN, OVERDUE_SHOWN, agencyChoices, dashboard, implementationRate, type MatrixRow } from "./dashboard.server";
import { FILTER_MEETINGS, filterOptions, listRecommendations, overdueWhere, whereFor, type Filters } from "./recommendations.server";
import { STATUSES } from "./status";

// The dashboard's figures are counted by the database (groupBy and one aggregate query over the
// status history). On a small fixture they must equal a naive count of every row, on SQLite and
// PostgreSQL alike.

/** The replay the aggregate query replaces: every change in order, the sets kept in memory. */
function naiveRate(changes: { recommendationId: string; toStatus: string; createdAt: Date }[], now: Date) {
  if (!changes.length) return [];
  const quarterOf = (d: Date) => ({ y: d.getUTCFullYear(), q: Math.floor(d.getUTCMonth() / 3) });
  const first = quarterOf(changes[0].createdAt);
  const last = quarterOf(now);
  const points = [];
  const status = new Map<string, string>();
  const adopted = new Set<string>();
  let i = 0;
  for (let y = first.y, q = first.q; y < last.y || (y === last.y && q <= last.q); q === 3 ? (y++, (q = 0)) : q++) {
    const end = new Date(Date.UTC(q === 3 ? y + 1 : y, q === 3 ? 0 : (q + 1) * 3, 1));
    while (i < changes.length && changes[i].createdAt < end) {
      const c = changes[i++];
      status.set(c.recommendationId, c.toStatus);
      if (c.toStatus !== "PROPOSED" && c.toStatus !== "NOT_ADOPTED") adopted.add(c.recommendationId);
    }
    const implemented = [...adopted].filter((id) => status.get(id) === "IMPLEMENTED").length;
    points.push({ period: `${y} Q${q + 1}`, adopted: adopted.size, implemented, rate: adopted.size ? Math.round((implemented / adopted.size) * 100) : 0 });
  }
  return points;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NOW = new Date("2026-11-15T10:00:00Z");
let sec: Actor;
let ids: { agencies: string[]; themes: string[]; meetings: string[] };

beforeAll(async () => {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  sec = await actor("SECRETARIAT");
  const agencies = await Promise.all([0, 1, 2, 3].map((i) => createAgency({ acronym: `DB${i}` })));
  const themes = await Promise.all(["Border data", "Visas", "Return"].map((n) => createTheme(n)));
  const meetings: Awaited<ReturnType<typeof createMeeting>>[] = [];
  for (let i = 0; i < Math.max(MEETINGS_SHOWN, FILTER_MEETINGS) + 3; i++) meetings.push(await createMeeting({ startsAt: new Date(Date.UTC(2022, 0, 10 + i * 20, 8)), endsAt: new Date(Date.UTC(2022, 0, 10 + i * 20, 16)) }));
  ids = { agencies: agencies.map((a) => a.id), themes: themes.map((t) => t.id), meetings: meetings.map((m) => m.id) };
  // Later meetings without recommendations, as at scale: the walks by date start after them.
  for (const year of [2030, 2031]) await createMeeting({ startsAt: new Date(Date.UTC(year, 0, 10, 8)), endsAt: new Date(Date.UTC(year, 0, 10, 16)) });
  const recs = Array.from({ length: 90 }, (_, i) => ({
    id: `dash-${i}`,
    code: `DASH-${String(i).padStart(3, "0")}`,
    title: i % 5 === 0 ? "Strengthen border data exchange" : i % 7 === 0 ? "Fix 50%_of cases" : "Review visas",
    text: i % 3 === 0 ? "Share BORDER alerts faster." : "Agree common indicators.",
    meetingId: i < 60 ? meetings[i % 3].id : pick(meetings).id,
    leadAgencyId: pick(agencies).id,
    priority: pick(["HIGH", "MEDIUM", "LOW"] as const),
    status: pick(STATUSES),
    dueDate: rand() < 0.8 ? new Date(Date.UTC(2023 + Math.floor(rand() * 5), Math.floor(rand() * 12), 1)) : null,
  }));
  // At least one per meeting, so every meeting has recommendations.
  const overdue = Array.from({ length: Math.max(OVERDUE_SHOWN + 5, meetings.length) }, (_, i) => ({
    id: `dash-late-${i}`,
    code: `LATE-${String(i).padStart(3, "0")}`,
    title: "Late",
    text: "Overdue.",
    meetingId: meetings[i % meetings.length].id,
    leadAgencyId: agencies[i % 4].id,
    status: "ADOPTED" as const,
    dueDate: new Date(Date.UTC(2024, i % 12, 1 + i)),
  }));
  await db.recommendation.createMany({ data: [...recs, ...overdue] });
  await db.recommendationTheme.createMany({ data: recs.flatMap((r, i) => themes.filter((_, k) => (i + k) % 2 === 0).map((t) => ({ recommendationId: r.id, themeId: t.id }))) });
  await db.recommendationSupporter.createMany({ data: recs.filter((_, i) => i % 4 === 0).map((r) => ({ recommendationId: r.id, agencyId: agencies[0].id })) });
  await db.recommendationReview.createMany({ data: recs.filter((r, i) => i % 6 === 0 && r.meetingId !== meetings[1].id).map((r) => ({ recommendationId: r.id, meetingId: meetings[1].id })) });
  // A status history over several years: some changes fall on the same instant, some on a quarter's first moment.
  const changes = recs.flatMap((r, i) => {
    let t = Date.UTC(2022, i % 12, 1 + (i % 27), i % 3 === 0 ? 0 : 9);
    const path = ["PROPOSED" as const, ...Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(["ADOPTED", "IN_PROGRESS", "IMPLEMENTED", "NOT_ADOPTED", "IMPLEMENTED", "PARTIALLY_IMPLEMENTED"] as const))];
    return path.map((toStatus, k) => {
      if (k && rand() < 0.85) t += Math.floor(rand() * 300) * 86_400_000;
      return { id: `dash-${i}-${k}`, recommendationId: r.id, toStatus, progress: 0, createdAt: new Date(t) };
    });
  });
  await db.recommendationStatusChange.createMany({ data: changes });
});

async function naive(f: Filters) {
  const where = whereFor(sec, { ...f, overdue: false });
  const recs = await db.recommendation.findMany({
    where,
    select: { id: true, status: true, leadAgencyId: true, meetingId: true, dueDate: true, themes: { select: { themeId: true } } },
  });
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const overdue = await db.recommendation.count({ where: { AND: [where, overdueWhere(NOW)] } });
  const changes = await db.recommendationStatusChange.findMany({
    where: { recommendationId: { in: recs.map((r) => r.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { recommendationId: true, toStatus: true, createdAt: true },
  });
  return {
    total: recs.length,
    byStatus: tally(recs.map((r) => r.status)),
    byAgency: tally(recs.map((r) => r.leadAgencyId)),
    matrix: tally(recs.map((r) => `${r.leadAgencyId} ${r.status}`)),
    byTheme: tally(recs.flatMap((r) => r.themes.map((t) => t.themeId))),
    byMeeting: tally(recs.map((r) => r.meetingId)),
    overdue,
    rate: naiveRate(changes, NOW),
  };
}

const asMap = (counts: { key: string; count: number }[]) => new Map(counts.filter((c) => c.count).map((c) => [c.key, c.count]));

describe("dashboard figures counted by the database", () => {
  it("equal a naive count of every row, with and without filters", async () => {
    const filterSets: Filters[] = [
      {},
      { status: "IMPLEMENTED" },
      { agency: ids.agencies[1] },
      { theme: ids.themes[0] },
      { meeting: ids.meetings[1] },
      { priority: "HIGH" },
      { q: "border" },
      { q: "50%_" },
      { q: "border", theme: ids.themes[2], priority: "LOW" },
    ];
    for (const f of filterSets) {
      const [d, rate, n] = await Promise.all([dashboard(sec, f, { now: NOW, all: true }), implementationRate(sec, f, NOW), naive(f)]);
      expect(d.total, JSON.stringify(f)).toBe(n.total);
      expect(asMap(d.byStatus), JSON.stringify(f)).toEqual(n.byStatus);
      expect(asMap(d.byAgency), JSON.stringify(f)).toEqual(n.byAgency);
      const cells = d.matrix.flatMap((row) => Object.entries(row.byStatus).map(([status, count]) => ({ key: `${row.key} ${status}`, count })));
      expect(asMap(cells), JSON.stringify(f)).toEqual(n.matrix);
      expect(d.matrix.every((row) => Object.values(row.byStatus).reduce((a, b) => a + b, 0) === row.count)).toBe(true);
      expect(asMap(d.byTheme), JSON.stringify(f)).toEqual(n.byTheme);
      expect(asMap(d.byMeeting), JSON.stringify(f)).toEqual(n.byMeeting);
      expect(d.overdueCount, JSON.stringify(f)).toBe(n.overdue);
      expect(rate, JSON.stringify(f)).toEqual(n.rate);
    }
    expect((await naive({ q: "50%_" })).total).toBeGreaterThan(0);
    expect((await naive({ status: "IMPLEMENTED" })).rate.some((p) => p.implemented > 0)).toBe(true);
  });

  it("lists the latest meetings and the longest overdue only, and says there are more", async () => {
    const d = await dashboard(sec, {}, { now: NOW });
    expect(d.moreMeetings).toBe(true);
    expect(d.byMeeting.map((m) => m.key)).toEqual(ids.meetings.slice(-MEETINGS_SHOWN));
    const { latestMeetingStart } = await filterOptions(undefined, "en");
    const fromLatest = await dashboard(sec, {}, { now: NOW, latestMeetingStart });
    expect(fromLatest.byMeeting).toEqual(d.byMeeting);
    expect(fromLatest.moreMeetings).toBe(true);
    expect(d.overdueCount).toBeGreaterThan(OVERDUE_SHOWN);
    expect(d.overdue).toHaveLength(OVERDUE_SHOWN);
    const due = d.overdue.map((r) => r.dueDate!.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    const latest = await db.recommendation.findFirstOrThrow({ where: { AND: [whereFor(sec, {}), overdueWhere(NOW)] }, orderBy: [{ dueDate: "desc" }, { code: "desc" }] });
    expect(d.overdue.map((r) => r.id)).not.toContain(latest.id);
  });

  it("offers the matrix's lead agencies and the chosen one in the filter when the others are summed up, every agency on demand", () => {
    const agencies = ["a", "b", "c", "d", "e"].map((id) => ({ id, label: id.toUpperCase() }));
    const byStatus = Object.fromEntries(STATUSES.map((st) => [st, 0])) as MatrixRow["byStatus"];
    const row = (key: string): MatrixRow => ({ key, label: key, count: 1, byStatus });
    const capped = [row("b"), row("d"), { ...row("others"), others: 3 }];
    expect(agencyChoices(agencies, capped, undefined, false)).toEqual({ agencies: [agencies[1], agencies[3]], capped: true });
    expect(agencyChoices(agencies, capped, "e", false).agencies.map((a) => a.id)).toEqual(["b", "d", "e"]);
    expect(agencyChoices(agencies, capped, undefined, true)).toEqual({ agencies, capped: false });
    expect(agencyChoices(agencies, [row("b"), row("d")], undefined, false)).toEqual({ agencies, capped: false });
  });

  it("says nothing more when every meeting is shown", async () => {
    const d = await dashboard(sec, { meeting: ids.meetings[1] }, { now: NOW });
    expect(d.moreMeetings).toBe(false);
    expect(d.byMeeting.length).toBeLessThan(MEETINGS_SHOWN);
    expect(d.byMeeting.map((m) => m.key)).toContain(ids.meetings[1]);
  });

  it("answers an empty history with no points", async () => {
    expect(await implementationRate(sec, { q: "no such recommendation" }, NOW)).toEqual([]);
  });
});

describe("the filter choices", () => {
  it("offer the latest meetings only, and the chosen one whatever its date", async () => {
    const latest = await filterOptions(undefined, "en");
    expect(latest.meetings).toHaveLength(FILTER_MEETINGS);
    expect(latest.meetings.map((m) => m.id)).toContain(ids.meetings[ids.meetings.length - 1]);
    expect(latest.meetings.map((m) => m.id)).not.toContain(ids.meetings[0]);
    const chosen = await filterOptions(ids.meetings[0], "en");
    expect(chosen.meetings).toHaveLength(FILTER_MEETINGS + 1);
    expect(chosen.meetings.map((m) => m.id)).toContain(ids.meetings[0]);
    expect((await filterOptions("no-such-meeting", "en")).meetings).toHaveLength(FILTER_MEETINGS);
  });
});

describe("the list's page, chosen in SQL", () => {
  it("has the rows and order of the same filters in Prisma, for the secretariat and a focal point, walking from the latest meeting with recommendations or not", async () => {
    const focal = await actor("FOCAL_POINT", ids.agencies[0]);
    const { latestMeetingStart } = await filterOptions(undefined, "en");
    expect(latestMeetingStart).not.toBeNull();
    const cases: [Actor, Filters][] = [
      [sec, {}],
      [sec, { overdue: true }],
      [sec, { status: "IN_PROGRESS", priority: "HIGH" }],
      [sec, { meeting: ids.meetings[1], q: "BORDER" }],
      [sec, { theme: ids.themes[1], agency: ids.agencies[2] }],
      [focal, {}],
      [focal, { overdue: true, q: "visas" }],
    ];
    for (const [who, f] of cases) {
      const expected = await db.recommendation.findMany({ where: whereFor(who, f), orderBy: [{ meeting: { startsAt: "desc" } }, { code: "asc" }], select: { id: true } });
      for (const page of [{ skip: 0, take: 25 }, { skip: 25, take: 25 }]) {
        for (const start of [null, latestMeetingStart]) {
          const { items, total } = await listRecommendations(who, f, page, "en", start);
          expect(total, JSON.stringify(f)).toBe(expected.length);
          expect(items.map((i) => i.id), JSON.stringify({ f, start })).toEqual(expected.slice(page.skip, page.skip + page.take).map((r) => r.id));
        }
      }
    }
  });
});
