import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, dialect } from "~/utils/db.server";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/config";
import { localizeTheme, localizeTitle, themeNameIn } from "./translations.server";
import { countOverdue, filterSql, overdueWhere, recommendationRowSelect, whereFor, type Filters } from "./recommendations.server";
import { STATUSES, type Status } from "./status";
import { foldIfGrown, overdueFromTally, statusPairs, type StatusPairs } from "./tally.server";

// Figures for the secretariat's dashboard. All counts honour the same filters as the list, and all of
// them are counted by the database: the page reads a few dozen rows whatever the number of
// recommendations. The implementation rate replays the whole status history, so it has a page of
// its own (and the CSV export) rather than slowing every visit to the dashboard.

export type Count = { key: string; label: string; count: number };
/** One row of the status x lead agency matrix: `key` is the agency id, or "others". */
export type MatrixRow = Count & { byStatus: Record<Status, number>; others?: number };
export type RatePoint = { period: string; adopted: number; implemented: number; rate: number };

/**
 * How many meetings, lead agencies and overdue recommendations the page lists, so that it does not grow
 * with the data; the CSV export has every meeting and agency, the list every overdue recommendation.
 */
export const MEETINGS_SHOWN = 8;
export const AGENCIES_SHOWN = 8;
export const OVERDUE_SHOWN = 10;

const byCountThenLabel = (a: Count, b: Count) => b.count - a.count || a.label.localeCompare(b.label);

export async function dashboard(actor: Actor, f: Filters, options: { now?: Date; all?: boolean; language?: Language; latestMeetingStart?: Date | null } = {}) {
  const language = options.language ?? DEFAULT_LANGUAGE;
  assertCan(actor, "recommendations:manage");
  const now = options.now ?? new Date();
  const filters = { ...f, overdue: false };
  const where = whereFor(actor, filters);
  const overdue = { AND: [where, overdueWhere(now)] };
  const [{ rows: matrix, perStatus, total }, themes, meetings, overdueCount, overdueRows] = await Promise.all([
    statusByAgency(statusPairs(actor, filters, now), options.all ? undefined : AGENCIES_SHOWN),
    countByTheme(where, language),
    countByMeeting(where, options.all ? undefined : MEETINGS_SHOWN, options.latestMeetingStart ?? null),
    overdueFromTally(actor, filters, now).then((tallied) => tallied ?? countOverdue(actor, filters, now)),
    db.recommendation.findMany({
      where: overdue,
      orderBy: [{ dueDate: "asc" }, { code: "asc" }],
      take: OVERDUE_SHOWN,
      select: recommendationRowSelect(language),
    }),
  ]);
  return {
    total,
    byStatus: STATUSES.map((s) => ({ key: s, count: perStatus[s] })),
    byAgency: matrix.map(({ key, label, count }) => ({ key, label, count })),
    matrix,
    byTheme: themes,
    byMeeting: meetings.counts,
    moreMeetings: meetings.more,
    overdueCount,
    overdue: overdueRows.map((r) => localizeTitle(r, language)),
  };
}

/**
 * The matrix of counts per lead agency and status, agencies largest first: the `take` largest and one
 * row for the others, or all of them. The bar chart by lead agency is the matrix's totals, and the
 * counts by status and the total are its sums (each recommendation has one lead agency). One statement
 * over the pairs (tally.server.ts) returns only what the page shows: the pairs of the agencies shown,
 * the totals per status, and how many agencies and pairs there are, whatever the number of agencies.
 */
async function statusByAgency(pairs: StatusPairs, take?: number): Promise<{ rows: MatrixRow[]; perStatus: Record<Status, number>; total: number }> {
  const big = (value: Prisma.Sql) => Prisma.sql`CAST(${value} AS BIGINT)`;
  const found = await db.$queryRaw<{ kind: string; a: string | null; s: string | null; n: number | bigint }[]>`
    WITH "pairs" AS (${pairs.sql}),
    "agencies" AS (SELECT "a", SUM("n") AS "n" FROM "pairs" GROUP BY "a"),
    "shown" AS (SELECT "a" FROM "agencies" ORDER BY "n" DESC, "a" LIMIT ${take ?? 1_000_000})
    SELECT 'pair' AS "kind", "a", "s", ${big(Prisma.sql`"n"`)} AS "n" FROM "pairs" WHERE "a" IN (SELECT "a" FROM "shown")
    UNION ALL SELECT 'status', NULL, "s", ${big(Prisma.sql`SUM("n")`)} FROM "pairs" GROUP BY "s"
    UNION ALL SELECT 'agencies', NULL, NULL, ${big(Prisma.sql`COUNT(*)`)} FROM "agencies"
    UNION ALL SELECT 'pairs', NULL, NULL, ${big(Prisma.sql`COUNT(*)`)} FROM "pairs"
    ${pairs.wholeTally ? Prisma.sql`UNION ALL SELECT 'rows', NULL, NULL, ${big(Prisma.sql`COUNT(*)`)} FROM "RecommendationTally"` : Prisma.empty}`;
  const figure = (kind: string) => Number(found.find((r) => r.kind === kind)?.n ?? 0);
  if (pairs.wholeTally) await foldIfGrown(figure("rows"), figure("pairs"));

  const empty = () => Object.fromEntries(STATUSES.map((st) => [st, 0])) as Record<Status, number>;
  const perStatus = empty();
  for (const r of found) if (r.kind === "status") perStatus[r.s as Status] = Number(r.n);
  const perAgency = new Map<string, { count: number; byStatus: Record<Status, number> }>();
  for (const r of found) {
    if (r.kind !== "pair") continue;
    const a = perAgency.get(r.a!) ?? { count: 0, byStatus: empty() };
    a.count += Number(r.n);
    a.byStatus[r.s as Status] += Number(r.n);
    perAgency.set(r.a!, a);
  }
  const total = STATUSES.reduce((n, st) => n + perStatus[st], 0);
  const agencies = await db.agency.findMany({ where: { id: { in: [...perAgency.keys()] } }, select: { id: true, acronym: true } });
  const label = new Map(agencies.map((a) => [a.id, a.acronym]));
  const rows: MatrixRow[] = [...perAgency.entries()].map(([id, g]) => ({ key: id, label: label.get(id) ?? "", count: g.count, byStatus: g.byStatus })).sort(byCountThenLabel);
  const others = figure("agencies") - rows.length;
  if (others > 0) {
    const byStatus = empty();
    for (const st of STATUSES) byStatus[st] = perStatus[st] - rows.reduce((n, r) => n + r.byStatus[st], 0);
    rows.push({ key: "others", label: `${others} other agencies`, others, count: total - rows.reduce((n, r) => n + r.count, 0), byStatus });
  }
  return { rows, perStatus, total };
}

async function countByTheme(where: Prisma.RecommendationWhereInput, language: Language): Promise<Count[]> {
  const [groups, themes] = await Promise.all([
    db.recommendationTheme.groupBy({ by: ["themeId"], where: { recommendation: where }, _count: { _all: true } }),
    db.theme.findMany({ select: { id: true, name: true, ...themeNameIn(language) } }),
  ]);
  const label = new Map(themes.map((t) => [t.id, localizeTheme(t, language).name]));
  return groups.map((g) => ({ key: g.themeId, label: label.get(g.themeId) ?? "", count: g._count._all })).sort(byCountThenLabel);
}

/**
 * Counts per meeting where made, oldest first: the latest `take` meetings (and whether there are
 * more, without counting them all), or all of them. The walk by date starts at `latestMeetingStart`
 * when known (filterOptions): no meeting after it has recommendations.
 */
async function countByMeeting(where: Prisma.RecommendationWhereInput, take: number | undefined, latestMeetingStart: Date | null): Promise<{ counts: Count[]; more: boolean }> {
  const found = await db.meeting.findMany({
    where: { recommendations: { some: where }, ...(latestMeetingStart ? { startsAt: { lte: latestMeetingStart } } : {}) },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: take === undefined ? undefined : take + 1,
    select: { id: true, title: true },
  });
  const meetings = take === undefined ? found : found.slice(0, take);
  const groups = await db.recommendation.groupBy({
    by: ["meetingId"],
    where: take === undefined ? where : { AND: [where, { meetingId: { in: meetings.map((m) => m.id) } }] },
    _count: { _all: true },
  });
  const count = new Map(groups.map((g) => [g.meetingId, g._count._all]));
  return { counts: meetings.reverse().map((m) => ({ key: m.id, label: m.title, count: count.get(m.id) ?? 0 })), more: found.length > meetings.length };
}

/**
 * The dashboard's lead agency filter: the agencies of the matrix (the largest lead agencies) and the
 * chosen one, unless every agency is asked for (`every`), or the matrix already has them all. A filter
 * of every agency would be the largest part of the page at scale (200 agencies, 15 KB).
 */
export function agencyChoices<A extends { id: string }>(agencies: A[], matrix: MatrixRow[], chosen: string | undefined, every: boolean): { agencies: A[]; capped: boolean } {
  if (every || !matrix.some((r) => r.key === "others")) return { agencies, capped: false };
  const shown = new Set(matrix.map((r) => r.key));
  if (chosen) shown.add(chosen);
  return { agencies: agencies.filter((a) => shown.has(a.id)), capped: true };
}

// ---------------------------------------------------------------- implementation rate

/**
 * Share of adopted recommendations that were implemented at the end of each quarter, replayed from
 * the status history (so the figure for a past quarter does not change when work finishes later).
 * "Adopted" counts every recommendation that had been adopted by then, whatever happened next;
 * "implemented" those whose latest status by then was Implemented.
 *
 * The database groups the history by quarter: when each recommendation was first adopted, and each
 * stretch of time a recommendation spent implemented (from that change to its next one). The
 * quarters are then summed here.
 */
export async function implementationRate(actor: Actor, f: Filters, now = new Date()): Promise<RatePoint[]> {
  const quarter = (column: string) => {
    const c = Prisma.raw(column);
    return dialect() === "postgresql"
      ? Prisma.sql`(CAST(EXTRACT(YEAR FROM ${c}) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM ${c}) AS INTEGER) - 1) / 3)`
      : Prisma.sql`(CAST(substr(${c}, 1, 4) AS INTEGER) * 4 + (CAST(substr(${c}, 6, 2) AS INTEGER) - 1) / 3)`;
  };
  const rows = await db.$queryRaw<{ kind: string; q: number | bigint | null; until: number | bigint | null; n: number | bigint }[]>`
    WITH c AS (
      SELECT sc."recommendationId" AS rid, sc."toStatus" AS status, sc."createdAt" AS at, sc."id" AS id
      FROM "RecommendationStatusChange" sc JOIN "Recommendation" r ON r."id" = sc."recommendationId"
      WHERE ${filterSql(actor, f, now)}
    ),
    adopted AS (
      SELECT MIN(at) AS at FROM c WHERE status NOT IN ('PROPOSED', 'NOT_ADOPTED') GROUP BY rid
    ),
    stretches AS (
      SELECT status, at, LEAD(at) OVER (PARTITION BY rid ORDER BY at, id) AS next FROM c
    )
    SELECT 'first' AS kind, ${quarter("MIN(at)")} AS q, CAST(NULL AS INTEGER) AS until, COUNT(*) AS n FROM c
    UNION ALL
    SELECT 'adopted' AS kind, ${quarter("at")} AS q, CAST(NULL AS INTEGER) AS until, COUNT(*) AS n FROM adopted GROUP BY ${quarter("at")}
    UNION ALL
    SELECT 'implemented' AS kind, ${quarter("at")} AS q, ${quarter("next")} AS until, COUNT(*) AS n
    FROM stretches WHERE status = 'IMPLEMENTED' GROUP BY ${quarter("at")}, ${quarter("next")}`;
  const num = (v: number | bigint | null) => (v === null ? null : Number(v));
  const first = num(rows.find((r) => r.kind === "first")?.q ?? null);
  if (first === null) return [];
  const last = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
  const adoptedIn = rows.filter((r) => r.kind === "adopted").map((r) => ({ q: num(r.q)!, n: Number(r.n) }));
  const implementedIn = rows.filter((r) => r.kind === "implemented").map((r) => ({ from: num(r.q)!, until: num(r.until), n: Number(r.n) }));
  const points: RatePoint[] = [];
  for (let q = first; q <= last; q++) {
    const adopted = adoptedIn.reduce((s, a) => (a.q <= q ? s + a.n : s), 0);
    // Implemented at the end of quarter q: the change came by then and the next one (if any) after.
    const implemented = implementedIn.reduce((s, i) => (i.from <= q && (i.until === null || i.until > q) ? s + i.n : s), 0);
    points.push({ period: `${Math.floor(q / 4)} Q${(q % 4) + 1}`, adopted, implemented, rate: adopted ? Math.round((implemented / adopted) * 100) : 0 });
  }
  return points;
}
