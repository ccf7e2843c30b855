import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { db } from "~/utils/db.server";
import { overdueWhere, whereFor, type Filters } from "./recommendations.server";
import { STATUSES, statusLabel } from "./status";

// Figures for the secretariat's dashboard. All counts honour the same filters as the list.

export type Count = { key: string; label: string; count: number };
export type RatePoint = { period: string; adopted: number; implemented: number; rate: number };

export async function dashboard(actor: Actor, f: Filters, now = new Date()) {
  assertCan(actor, "recommendations:manage");
  const where = whereFor(actor, { ...f, overdue: false });
  const recs = await db.recommendation.findMany({
    where,
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      progress: true,
      dueDate: true,
      leadAgency: { select: { id: true, acronym: true } },
      meeting: { select: { id: true, title: true, startsAt: true, timeZone: true } },
      themes: { select: { theme: { select: { id: true, name: true } } } },
    },
  });
  const tally = (pairs: { key: string; label: string }[]) => {
    const m = new Map<string, Count>();
    for (const p of pairs) {
      const c = m.get(p.key) ?? { ...p, count: 0 };
      c.count++;
      m.set(p.key, c);
    }
    return [...m.values()];
  };
  const byStatus = STATUSES.map((s) => ({ key: s, label: statusLabel(s), count: recs.filter((r) => r.status === s).length }));
  const byAgency = tally(recs.map((r) => ({ key: r.leadAgency.id, label: r.leadAgency.acronym }))).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const byTheme = tally(recs.flatMap((r) => r.themes.map((t) => ({ key: t.theme.id, label: t.theme.name })))).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const meetingOrder = new Map(recs.map((r) => [r.meeting.id, r.meeting.startsAt.getTime()]));
  const byMeeting = tally(recs.map((r) => ({ key: r.meeting.id, label: r.meeting.title }))).sort((a, b) => (meetingOrder.get(a.key) ?? 0) - (meetingOrder.get(b.key) ?? 0));

  const overdueIds = new Set(
    (await db.recommendation.findMany({ where: { AND: [where, overdueWhere(now)] }, select: { id: true } })).map((r) => r.id),
  );
  const overdue = recs.filter((r) => overdueIds.has(r.id)).sort((a, b) => (a.dueDate?.getTime() ?? 0) - (b.dueDate?.getTime() ?? 0));

  const changes = await db.recommendationStatusChange.findMany({
    where: { recommendationId: { in: recs.map((r) => r.id) } },
    orderBy: { createdAt: "asc" },
    select: { recommendationId: true, toStatus: true, createdAt: true },
  });
  return { total: recs.length, byStatus, byAgency, byTheme, byMeeting, overdue, rate: implementationRate(changes, now) };
}

/**
 * Share of adopted recommendations that were implemented at the end of each quarter, replayed from
 * the status history (so the figure for a past quarter does not change when work finishes later).
 * "Adopted" counts every recommendation that had been adopted by then, whatever happened next.
 */
export function implementationRate(changes: { recommendationId: string; toStatus: string; createdAt: Date }[], now = new Date()): RatePoint[] {
  if (!changes.length) return [];
  const quarterOf = (d: Date) => ({ y: d.getUTCFullYear(), q: Math.floor(d.getUTCMonth() / 3) });
  const first = quarterOf(changes[0].createdAt);
  const last = quarterOf(now);
  const points: RatePoint[] = [];
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
