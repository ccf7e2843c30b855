import { describe, expect, it } from "vitest";
import { createAgency, createMeeting } from "~/test/factories";
import { recommendationData } from "~/test/factories.recommendations";
import { db } from "~/utils/db.server";
import { filterOptions } from "./recommendations.server";

// Meeting.hasRecommendations is kept by database triggers (decision 092): true while a recommendation was
// made or is reviewed at the meeting, on SQLite and PostgreSQL alike, whatever writes the rows.

/** Every meeting whose flag differs from what the rows say. */
async function wrongFlags() {
  const meetings = await db.meeting.findMany({ select: { id: true, hasRecommendations: true, _count: { select: { recommendations: true, reviews: true } } } });
  return meetings.filter((m) => m.hasRecommendations !== m._count.recommendations + m._count.reviews > 0).map((m) => m.id);
}

const flag = async (id: string) => (await db.meeting.findUniqueOrThrow({ where: { id }, select: { hasRecommendations: true } })).hasRecommendations;

describe("Meeting.hasRecommendations", () => {
  it("follows recommendations made and reviewed: added, moved, deleted, in bulk and in raw SQL", async () => {
    const [a, b, c] = [await createMeeting(), await createMeeting(), await createMeeting()];
    const agency = await createAgency();
    const rec = (code: string, meetingId: string) => recommendationData(meetingId, agency.id, { code: `${code}-${a.id.slice(-6)}` });
    expect([await flag(a.id), await flag(b.id), await flag(c.id)]).toEqual([false, false, false]);

    const one = await db.recommendation.create({ data: rec("ONE", a.id) });
    expect(await flag(a.id)).toBe(true);
    const review = await db.recommendationReview.create({ data: { recommendationId: one.id, meetingId: b.id } });
    expect(await flag(b.id)).toBe(true);

    await db.recommendation.update({ where: { id: one.id }, data: { meetingId: c.id } });
    expect([await flag(a.id), await flag(c.id)]).toEqual([false, true]);
    await db.recommendationReview.update({ where: { id: review.id }, data: { meetingId: a.id } });
    expect([await flag(a.id), await flag(b.id)]).toEqual([true, false]);

    // A meeting keeps its flag while either kind is left.
    await db.recommendation.createMany({ data: [rec("TWO", a.id), rec("THREE", a.id)] });
    await db.recommendationReview.delete({ where: { id: review.id } });
    expect(await flag(a.id)).toBe(true);
    await db.$executeRaw`DELETE FROM "Recommendation" WHERE "code" LIKE ${`TWO-%`}`;
    expect(await flag(a.id)).toBe(true);
    await db.recommendation.deleteMany({ where: { meetingId: a.id } });
    expect(await flag(a.id)).toBe(false);
    await db.recommendation.delete({ where: { id: one.id } });
    expect(await flag(c.id)).toBe(false);
    expect(await wrongFlags()).toEqual([]);
  });

  it("gives the filters the latest meetings with recommendations, past later meetings without", async () => {
    const agency = await createAgency();
    const day = (n: number) => ({ startsAt: new Date(Date.UTC(2040, 0, n, 8)), endsAt: new Date(Date.UTC(2040, 0, n, 16)) });
    const withRecs = [await createMeeting(day(1)), await createMeeting(day(3))];
    await createMeeting(day(5));
    await db.recommendation.createMany({ data: withRecs.map((m) => recommendationData(m.id, agency.id)) });
    const { meetings, latestMeetingStart } = await filterOptions(undefined, "en");
    expect(meetings.slice(0, 2).map((m) => m.id)).toEqual([withRecs[1].id, withRecs[0].id]);
    expect(latestMeetingStart).toEqual(day(3).startsAt);
    expect(await wrongFlags()).toEqual([]);
  });
});
