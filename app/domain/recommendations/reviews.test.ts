import { describe, expect, it } from "vitest";
import { createMeeting, responseStatus } from "~/test/factories";
import { actor, createRecommendationRow } from "~/test/factories.recommendations";
import { db } from "~/utils/db.server";
import { listRecommendationsForMeetingPage } from "./recommendations.server";
import type { ReviewRowInput } from "./recommendation.schema";
import type { Status } from "./status";
import { addOpenRecommendationsToReview, addReview, recordReviewOutcome, recordSessionReview } from "./reviews.server";

describe("reviews at later sessions", () => {
  it("adds the open recommendations of earlier sessions once, under the session's review item", async () => {
    const series = await db.series.create({ data: { slug: `s-${Date.now()}`, name: "Group" } });
    const first = await createMeeting({ seriesId: series.id, startsAt: new Date("2025-04-10T08:00:00Z") });
    const next = await createMeeting({ seriesId: series.id, startsAt: new Date("2025-11-20T08:00:00Z") });
    const item = await db.agendaItem.create({ data: { meetingId: next.id, kind: "SESSION", title: "Review of open recommendations", startsAt: next.startsAt, endsAt: next.endsAt, position: 0 } });
    const open = await createRecommendationRow({ meetingId: first.id, status: "IN_PROGRESS" });
    await createRecommendationRow({ meetingId: first.id, status: "IMPLEMENTED" });
    await createRecommendationRow({ meetingId: first.id, status: "PROPOSED" });
    await createRecommendationRow({ meetingId: next.id, status: "ADOPTED" });

    expect(await db.$transaction((tx) => addOpenRecommendationsToReview(tx, { seriesId: series.id, meetingId: next.id }))).toBe(1);
    expect(await db.$transaction((tx) => addOpenRecommendationsToReview(tx, { seriesId: series.id, meetingId: next.id }))).toBe(0);
    const reviews = await db.recommendationReview.findMany({ where: { meetingId: next.id } });
    expect(reviews.map((r) => [r.recommendationId, r.agendaItemId])).toEqual([[open.id, item.id]]);
  });

  it("records outcomes and only lets a later meeting review; the public page shows adopted ones only", async () => {
    const sec = await actor("SECRETARIAT");
    const made = await createMeeting({ startsAt: new Date("2026-06-04T07:00:00Z") });
    const later = await createMeeting({ startsAt: new Date("2027-03-11T08:00:00Z") });
    const rec = await createRecommendationRow({ meetingId: made.id, status: "ADOPTED" });
    const proposed = await createRecommendationRow({ meetingId: made.id, status: "PROPOSED" });

    expect(await addReview(sec, rec.id, { meetingId: made.id })).toMatchObject({ ok: false, fieldErrors: { meetingId: ["recommendations:error.reviewMeetingLater"] } });
    const r = await addReview(sec, rec.id, { meetingId: later.id });
    if (!r.ok) throw new Error("review not added");
    expect(await addReview(sec, rec.id, { meetingId: later.id })).toMatchObject({ ok: false });
    await recordReviewOutcome(sec, { reviewId: r.id, recommendationId: rec.id }, "Good progress noted.");
    await addReview(sec, proposed.id, { meetingId: later.id });

    const page = await listRecommendationsForMeetingPage(made.id, "en");
    expect(page.made.map((m) => m.id)).toEqual([rec.id]);
    const reviewed = await listRecommendationsForMeetingPage(later.id, "en");
    expect(reviewed.reviewed.map((m) => [m.id, m.outcome])).toEqual([[rec.id, "Good progress noted."]]);
  });

  it("writes an outcome only for the review of the recommendation or meeting the form belongs to", async () => {
    const sec = await actor("SECRETARIAT");
    const made = await createMeeting({ startsAt: new Date("2026-06-04T07:00:00Z") });
    const later = await createMeeting({ startsAt: new Date("2027-03-11T08:00:00Z") });
    const other = await createMeeting({ startsAt: new Date("2027-05-11T08:00:00Z") });
    const mine = await createRecommendationRow({ meetingId: made.id, status: "ADOPTED" });
    const theirs = await createRecommendationRow({ meetingId: made.id, status: "ADOPTED" });
    await addReview(sec, mine.id, { meetingId: later.id });
    const theirReview = await addReview(sec, theirs.id, { meetingId: other.id });
    if (!theirReview.ok) throw new Error("review not added");

    // A form on `mine`'s page (or on `later`'s tab) that posts the review id of `theirs`.
    expect(await responseStatus(recordReviewOutcome(sec, { reviewId: theirReview.id, recommendationId: mine.id }, "Hijacked"))).toBe(404);
    expect(await responseStatus(recordReviewOutcome(sec, { reviewId: theirReview.id, meetingId: later.id }, "Hijacked"))).toBe(404);
    expect((await db.recommendationReview.findUniqueOrThrow({ where: { id: theirReview.id } })).outcome).toBe("");

    await recordReviewOutcome(sec, { reviewId: theirReview.id, recommendationId: theirs.id }, "Noted.");
    expect((await db.recommendationReview.findUniqueOrThrow({ where: { id: theirReview.id } })).outcome).toBe("Noted.");
  });
});

describe("the review table of a session", () => {
  async function setUp() {
    const sec = await actor("SECRETARIAT");
    const made = await createMeeting({ startsAt: new Date("2026-06-04T07:00:00Z") });
    const later = await createMeeting({ startsAt: new Date("2027-03-11T08:00:00Z") });
    const a = await createRecommendationRow({ meetingId: made.id, status: "ADOPTED" });
    const b = await createRecommendationRow({ meetingId: made.id, status: "IN_PROGRESS", progress: 40 });
    const c = await createRecommendationRow({ meetingId: made.id, status: "IN_PROGRESS", progress: 10 });
    const reviews: string[] = [];
    for (const r of [a, b, c]) {
      const v = await addReview(sec, r.id, { meetingId: later.id });
      if (!v.ok) throw new Error("review not added");
      reviews.push(v.id);
    }
    // The rows as the page shows them: nothing changed yet.
    const untouched = (i: number, rec: { status: Status; progress: number }): ReviewRowInput => ({
      reviewId: reviews[i],
      wasStatus: rec.status,
      wasProgress: rec.progress,
      wasOutcome: "",
      outcome: "",
      status: rec.status,
      progress: rec.progress,
      note: "",
    });
    return { sec, later, recs: [a, b, c], reviews, rows: [untouched(0, a), untouched(1, b), untouched(2, c)] };
  }

  it("records outcome, status, progress and note of every changed row in one submit and leaves the others alone", async () => {
    const { sec, later, recs, reviews, rows } = await setUp();
    const before = await db.recommendation.findUniqueOrThrow({ where: { id: recs[2].id }, select: { updatedAt: true } });
    const r = await recordSessionReview(sec, later.id, [
      { ...rows[0], outcome: "Work has started.", status: "IN_PROGRESS", progress: 20, note: "Pilot in two ports." },
      { ...rows[1], status: "IMPLEMENTED", note: "Final report, doc 12/2027." },
      rows[2],
    ]);
    expect(r).toEqual({ ok: true, changed: 2, repeated: 0 });
    const [a, b, c] = await Promise.all(recs.map((x) => db.recommendation.findUniqueOrThrow({ where: { id: x.id }, select: { status: true, progress: true, closingEvidence: true, updatedAt: true } })));
    expect([a.status, a.progress]).toEqual(["IN_PROGRESS", 20]);
    expect([b.status, b.progress, b.closingEvidence]).toEqual(["IMPLEMENTED", 100, "Final report, doc 12/2027."]);
    expect(c.updatedAt).toEqual(before.updatedAt);
    expect((await db.recommendationReview.findUniqueOrThrow({ where: { id: reviews[0] } })).outcome).toBe("Work has started.");
    expect((await db.recommendationStatusChange.findFirstOrThrow({ where: { recommendationId: recs[0].id } })).note).toBe("Pilot in two ports.");
    expect(await db.auditLog.count({ where: { OR: [{ entityId: recs[2].id }, { entityId: { in: [reviews[1], reviews[2]] }, action: "outcome" }] } })).toBe(0);
  });

  it("refuses the whole form with an error on the row at fault and saves nothing", async () => {
    const { sec, later, recs, reviews, rows } = await setUp();
    const r = await recordSessionReview(sec, later.id, [
      { ...rows[0], outcome: "Work has started." },
      { ...rows[1], status: "NOT_IMPLEMENTED" },
      { ...rows[2], status: "ADOPTED" },
    ]);
    expect(r).toMatchObject({ ok: false, fieldErrors: { "rows[1].note": ["recommendations:error.closingEvidence"], "rows[2].status": ["recommendations:error.rowTransitionNotAllowed"] } });
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["rows[1].note", "rows[2].status"]);
    expect((await db.recommendationReview.findUniqueOrThrow({ where: { id: reviews[0] } })).outcome).toBe("");
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: recs[1].id } })).status).toBe("IN_PROGRESS");
  });

  it("saves a form sent twice once, and refuses to overwrite a change made meanwhile by someone else", async () => {
    const { sec, later, recs, rows } = await setUp();
    const form = [{ ...rows[0], outcome: "Adopted text noted.", status: "IN_PROGRESS" as const, note: "Started." }, rows[1], rows[2]];
    expect(await recordSessionReview(sec, later.id, form)).toEqual({ ok: true, changed: 1, repeated: 0 });
    expect(await recordSessionReview(sec, later.id, form)).toEqual({ ok: true, changed: 0, repeated: 1 });
    expect(await db.recommendationStatusChange.count({ where: { recommendationId: recs[0].id } })).toBe(1);

    await db.recommendation.update({ where: { id: recs[1].id }, data: { progress: 70 } });
    const stale = await recordSessionReview(sec, later.id, [rows[0], { ...rows[1], progress: 50 }, rows[2]]);
    expect(stale).toMatchObject({ ok: false, fieldErrors: { "rows[1].status": ["recommendations:error.rowStale"] } });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: recs[1].id } })).progress).toBe(70);
  });

  it("answers 404 for a review of another meeting", async () => {
    const { sec, rows } = await setUp();
    const other = await createMeeting({ startsAt: new Date("2028-01-11T08:00:00Z") });
    expect(await responseStatus(recordSessionReview(sec, other.id, [{ ...rows[0], outcome: "Hijacked" }]))).toBe(404);
  });
});
