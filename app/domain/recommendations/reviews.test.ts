import { describe, expect, it } from "vitest";
import { createMeeting, responseStatus } from "~/test/factories";
import { actor, createRecommendationRow } from "~/test/factories.recommendations";
import { db } from "~/utils/db.server";
import { listRecommendationsForMeetingPage } from "./recommendations.server";
import { addOpenRecommendationsToReview, addReview, recordReviewOutcome } from "./reviews.server";

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

    expect(await addReview(sec, rec.id, { meetingId: made.id })).toMatchObject({ ok: false, fieldErrors: { meetingId: [expect.stringMatching(/after/)] } });
    const r = await addReview(sec, rec.id, { meetingId: later.id });
    if (!r.ok) throw new Error("review not added");
    expect(await addReview(sec, rec.id, { meetingId: later.id })).toMatchObject({ ok: false });
    await recordReviewOutcome(sec, { reviewId: r.id, recommendationId: rec.id }, "Good progress noted.");
    await addReview(sec, proposed.id, { meetingId: later.id });

    const page = await listRecommendationsForMeetingPage(made.id);
    expect(page.made.map((m) => m.id)).toEqual([rec.id]);
    const reviewed = await listRecommendationsForMeetingPage(later.id);
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
