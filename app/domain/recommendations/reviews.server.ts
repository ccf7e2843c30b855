import { writePublic } from "~/domain/meetings/public-cache.server";
import { audit } from "~/domain/audit/audit.server";
import { key } from "~/i18n/translate";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { containsText, db, type Prisma, type Tx } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { Refused, formRefusal, type FieldErrors, type Outcome } from "~/utils/forms.server";
import type { ReviewRowInput } from "./recommendation.schema";
import type { Language } from "~/i18n/config";
import { applyStatusChange, recommendationRowSelect } from "./recommendations.server";
import { localizeText, localizeTitle, recommendationTextIn } from "./translations.server";
import { CLOSED_STATUSES, allowedNextStatuses, type Status } from "./status";

/** Statuses of a recommendation still being worked on, which later sessions review. */
export const OPEN_STATUSES = ["ADOPTED", "IN_PROGRESS"] as const;

/**
 * Puts every open recommendation made at an earlier meeting of a series on the review list of a new
 * session (used when the next session of a series is created). Without an agenda item, the session's
 * item about recommendations ("Review of open recommendations") is used when it has one. Returns how
 * many were added (those already on the list are left as they are).
 */
export async function addOpenRecommendationsToReview(
  tx: Tx,
  params: { seriesId: string; meetingId: string; agendaItemId?: string | null },
): Promise<number> {
  const meeting = await tx.meeting.findUnique({ where: { id: params.meetingId }, select: { startsAt: true } });
  if (!meeting) return 0;
  const agendaItemId =
    params.agendaItemId !== undefined
      ? params.agendaItemId
      : ((await tx.agendaItem.findFirst({ where: { meetingId: params.meetingId, title: containsText("recommendation") }, orderBy: { startsAt: "asc" }, select: { id: true } }))?.id ?? null);
  const open = await tx.recommendation.findMany({
    where: {
      status: { in: [...OPEN_STATUSES] },
      meeting: { seriesId: params.seriesId, startsAt: { lt: meeting.startsAt } },
      reviews: { none: { meetingId: params.meetingId } },
    },
    select: { id: true },
  });
  await tx.recommendationReview.createMany({ data: open.map((r) => ({ recommendationId: r.id, meetingId: params.meetingId, agendaItemId })) });
  return open.length;
}

/** Puts a recommendation on the review list of a later meeting (optionally under one of its agenda items). */
export async function addReview(
  actor: Actor,
  recommendationId: string,
  input: { meetingId: string; agendaItemId?: string; outcome?: string },
): Promise<Outcome> {
  assertCan(actor, "recommendations:manage");
  return writePublic(async (tx): Promise<Outcome> => {
    const rec = await tx.recommendation.findUnique({ where: { id: recommendationId }, select: { meetingId: true, meeting: { select: { startsAt: true } } } });
    if (!rec) notFound(key("common:error.notFound.recommendation"));
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { id: true, startsAt: true } });
    if (!meeting) return { ok: false as const, fieldErrors: { meetingId: [key("recommendations:error.meetingFromList")] } };
    if (meeting.id === rec.meetingId || meeting.startsAt <= rec.meeting.startsAt) {
      return { ok: false as const, fieldErrors: { meetingId: [key("recommendations:error.reviewMeetingLater")] } };
    }
    if (input.agendaItemId) {
      const item = await tx.agendaItem.findUnique({ where: { id: input.agendaItemId }, select: { meetingId: true } });
      if (!item || item.meetingId !== meeting.id) return { ok: false as const, fieldErrors: { agendaItemId: [key("recommendations:error.agendaItemOfReview")] } };
    }
    const existing = await tx.recommendationReview.findUnique({ where: { recommendationId_meetingId: { recommendationId, meetingId: meeting.id } }, select: { id: true } });
    if (existing) return { ok: false as const, fieldErrors: { meetingId: [key("recommendations:error.alreadyReviewed")] } };
    const review = await tx.recommendationReview.create({
      data: { recommendationId, meetingId: meeting.id, agendaItemId: input.agendaItemId || null, outcome: input.outcome ?? "" },
      select: { id: true },
    });
    await audit(tx, { userId: actor.id, entity: "RecommendationReview", entityId: review.id, meetingId: meeting.id, action: "create", after: { recommendationId, ...input } });
    return { ok: true as const, id: review.id };
  });
}

/** Which review a form writes: always named together with the recommendation or the meeting the form belongs to. */
export type ReviewRef = { reviewId: string } & ({ recommendationId: string } | { meetingId: string });

/**
 * Records what a meeting concluded when it reviewed a recommendation. The review must belong to the
 * recommendation (or meeting) of the page the form was on; a review id from elsewhere is a 404.
 */
export async function recordReviewOutcome(actor: Actor, ref: ReviewRef, outcome: string): Promise<Outcome> {
  assertCan(actor, "recommendations:manage");
  const where: Prisma.RecommendationReviewWhereInput =
    "recommendationId" in ref ? { id: ref.reviewId, recommendationId: ref.recommendationId } : { id: ref.reviewId, meetingId: ref.meetingId };
  return writePublic(async (tx) => {
    const review = await tx.recommendationReview.findFirst({ where, select: { id: true, outcome: true, meetingId: true } });
    if (!review) notFound(key("common:error.notFound.review"));
    const { count } = await tx.recommendationReview.updateMany({ where, data: { outcome } });
    if (count !== 1) notFound(key("common:error.notFound.review"));
    await audit(tx, { userId: actor.id, entity: "RecommendationReview", entityId: review.id, meetingId: review.meetingId, action: "outcome", before: { outcome: review.outcome }, after: { outcome } });
    return { ok: true as const, id: review.id };
  });
}

/**
 * The statuses the review table offers for a recommendation: its own and the workflow's next ones.
 * Superseding needs the code of the replacing recommendation, so it stays on the recommendation's page.
 */
export function reviewTableStatuses(current: Status): Status[] {
  return [current, ...allowedNextStatuses(current).filter((s) => s !== "SUPERSEDED")];
}

/** Field names of the review table's inputs, shared by the page and the errors the domain answers. */
export const reviewField = (i: number, name: keyof ReviewRowInput) => `rows[${i}].${name}`;

/** What the workflow's refusals name, as the table's inputs (the note doubles as closing evidence). */
const TABLE_FIELD: Record<string, keyof ReviewRowInput> = { toStatus: "status", progress: "progress", closingEvidence: "note", supersededByCode: "status" };

/**
 * Records a session's review of every recommendation on its review list at once: per row the outcome
 * agreed, a new status and progress, and a note (kept in the status history; it is the closing evidence
 * when the new status closes the recommendation). One transaction: a refused row refuses the whole
 * form, with an error per row. Rows whose inputs equal the values the page was loaded with are not
 * touched; a row whose target values are already stored (the same form sent twice) is skipped; a row
 * changed by someone else since the page was loaded is refused rather than overwritten (decision 075).
 */
export async function recordSessionReview(actor: Actor, meetingId: string, rows: ReviewRowInput[]): Promise<Outcome<{ changed: number; repeated: number }>> {
  assertCan(actor, "recommendations:manage");
  if (new Set(rows.map((r) => r.reviewId)).size !== rows.length) return formRefusal(key("recommendations:error.rowTwice"));
  try {
    return await writePublic(async (tx) => {
      const reviews = await tx.recommendationReview.findMany({
        where: { meetingId, id: { in: rows.map((r) => r.reviewId) } },
        select: { id: true, recommendationId: true },
      });
      const recOf = new Map(reviews.map((r) => [r.id, r.recommendationId]));
      if (recOf.size !== rows.length) notFound(key("common:error.notFound.reviewsChanged"));
      const errors: FieldErrors = {};
      const refuse = (i: number, field: keyof ReviewRowInput, message: string) => (errors[reviewField(i, field)] ??= []).push(message);
      let changed = 0;
      let repeated = 0;
      for (const [i, row] of rows.entries()) {
        const recommendationId = recOf.get(row.reviewId)!;
        const wasOutcome = row.wasOutcome.trim();
        const progress = row.status === "IMPLEMENTED" ? 100 : (row.progress ?? row.wasProgress);
        const outcomeChanged = row.outcome !== wasOutcome;
        const statusChanged = row.status !== row.wasStatus || progress !== row.wasProgress;
        if (row.note && !statusChanged) {
          refuse(i, "note", key("recommendations:error.noteWithoutChange"));
          continue;
        }
        if (!outcomeChanged && !statusChanged) continue;
        let rowChanged = false;
        let rowRepeated = false;
        if (outcomeChanged) {
          // Conditional write first: of two identical submits, only one finds the old outcome.
          const { count } = await tx.recommendationReview.updateMany({ where: { id: row.reviewId, meetingId, outcome: row.wasOutcome }, data: { outcome: row.outcome } });
          if (count === 1) {
            await audit(tx, { userId: actor.id, entity: "RecommendationReview", entityId: row.reviewId, meetingId, action: "outcome", before: { outcome: row.wasOutcome }, after: { outcome: row.outcome } });
            rowChanged = true;
          } else {
            const now = await tx.recommendationReview.findUniqueOrThrow({ where: { id: row.reviewId }, select: { outcome: true } });
            if (now.outcome === row.outcome) rowRepeated = true;
            else refuse(i, "outcome", key("recommendations:error.outcomeStale"));
          }
        }
        if (statusChanged) {
          if (!reviewTableStatuses(row.wasStatus).includes(row.status) && row.status !== row.wasStatus) {
            refuse(i, "status", key("recommendations:error.rowTransitionNotAllowed"));
            continue;
          }
          const claimed = await tx.recommendation.updateMany({ where: { id: recommendationId, status: row.wasStatus, progress: row.wasProgress }, data: { status: row.wasStatus } });
          if (claimed.count === 1) {
            try {
              await applyStatusChange(tx, actor, recommendationId, {
                toStatus: row.status,
                progress,
                note: row.note,
                closingEvidence: row.status !== row.wasStatus && CLOSED_STATUSES.includes(row.status) ? row.note : undefined,
              });
              rowChanged = true;
            } catch (e) {
              if (!(e instanceof Refused)) throw e;
              for (const [field, messages] of Object.entries(e.refusal.fieldErrors ?? {})) for (const m of messages) refuse(i, TABLE_FIELD[field] ?? "status", m);
              for (const m of e.refusal.formErrors ?? []) refuse(i, "status", m);
            }
          } else {
            const now = await tx.recommendation.findUniqueOrThrow({ where: { id: recommendationId }, select: { status: true, progress: true } });
            if (now.status === row.status && now.progress === progress) rowRepeated = true;
            else refuse(i, "status", key("recommendations:error.rowStale"));
          }
        }
        if (rowChanged) changed++;
        else if (rowRepeated) repeated++;
      }
      if (Object.keys(errors).length) throw new Refused({ ok: false, fieldErrors: errors });
      return { ok: true as const, changed, repeated };
    });
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}

/** Recommendations made at a meeting and those it reviews: the admin tab and the printable report. */
export async function meetingRecommendations(meetingId: string, language: Language) {
  const select = {
    ...recommendationRowSelect(language),
    ...recommendationTextIn(language),
    text: true,
    priority: true,
    closingEvidence: true,
    updates: { where: { state: "ACCEPTED" }, orderBy: { createdAt: "desc" as const }, take: 1, select: { text: true, createdAt: true, authorName: true } },
  } satisfies Prisma.RecommendationSelect;
  const [made, reviews] = await Promise.all([
    db.recommendation.findMany({ where: { meetingId }, select, orderBy: { code: "asc" } }),
    db.recommendationReview.findMany({
      where: { meetingId },
      select: { id: true, outcome: true, agendaItem: { select: { title: true } }, recommendation: { select } },
      orderBy: { recommendation: { code: "asc" } },
    }),
  ]);
  // Title and text in the reader's language (decision 080), with `lang` for each.
  return { made: made.map((r) => localizeText(r, language)), reviews: reviews.map((v) => ({ ...v, recommendation: localizeText(v.recommendation, language) })) };
}

/** Every recommendation an agency leads or supports, for its printable report to the next session. */
export async function agencyRecommendations(agencyId: string, language: Language) {
  const rows = await db.recommendation.findMany({
    where: { OR: [{ leadAgencyId: agencyId }, { supporters: { some: { agencyId } } }] },
    orderBy: [{ meeting: { startsAt: "asc" } }, { code: "asc" }],
    select: {
      ...recommendationRowSelect(language),
      leadAgencyId: true,
      updates: { where: { state: "ACCEPTED" }, orderBy: { createdAt: "desc" }, take: 1, select: { text: true, createdAt: true } },
    },
  });
  return rows.map((r) => localizeTitle(r, language));
}

/** The "add open recommendations" button of a meeting's recommendations tab. */
export async function addOpenRecommendationsOfSeries(actor: Actor, meetingId: string): Promise<number | null> {
  assertCan(actor, "recommendations:manage");
  return writePublic(async (tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { seriesId: true, startsAt: true } });
    if (!meeting) notFound(key("common:error.notFound.meeting"));
    if (!meeting.seriesId) return null;
    const n = await addOpenRecommendationsToReview(tx, { seriesId: meeting.seriesId, meetingId });
    await audit(tx, { userId: actor.id, entity: "Meeting", entityId: meetingId, meetingId, action: "add-open-recommendations", after: { count: n } });
    return n;
  });
}
