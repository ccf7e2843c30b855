import type { Tx } from "~/utils/db.server";

/** Statuses of a recommendation still being worked on, which later sessions review. */
export const OPEN_STATUSES = ["ADOPTED", "IN_PROGRESS"] as const;

/**
 * Puts every open recommendation made at an earlier meeting of a series on the review list of a new
 * session (used when the next session of a series is created). Returns how many were added.
 */
export async function addOpenRecommendationsToReview(
  tx: Tx,
  params: { seriesId: string; meetingId: string; agendaItemId?: string | null },
): Promise<number> {
  const open = await tx.recommendation.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, meeting: { seriesId: params.seriesId }, meetingId: { not: params.meetingId } },
    select: { id: true },
  });
  for (const r of open) {
    await tx.recommendationReview.upsert({
      where: { recommendationId_meetingId: { recommendationId: r.id, meetingId: params.meetingId } },
      update: {},
      create: { recommendationId: r.id, meetingId: params.meetingId, agendaItemId: params.agendaItemId ?? null },
    });
  }
  return open.length;
}
