import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/pagination";
import { setEnvForTest } from "~/test/env";
import { createAgency, createMeeting, createUser, requestAs, routeArgs } from "~/test/factories";
import { actor, createRecommendationRow } from "~/test/factories.recommendations";
import { changeStatus } from "~/domain/recommendations/recommendations.server";
import { addReview, recordReviewOutcome, recordSessionReview } from "~/domain/recommendations/reviews.server";
import { loader as meetingLoader } from "~/routes/meetings.$slug._index";
import { loader as listLoader } from "~/routes/meetings._index";
import { loader as seriesLoader } from "~/routes/series.$slug._index";
import { updateAgency } from "~/domain/agencies/agencies.server";
import { saveSeries } from "~/domain/series/series.server";
import { publishAgenda, saveAgendaItem } from "~/domain/agenda/agenda.server";
import { createDocument } from "~/domain/documents/documents.server";
import { pdfBytes, upload } from "~/test/factories.documents";

// The public pages read only what they show and send the browser only what it renders
// (docs/decisions/063-read-path.md); these pin who sees what after that trimming.

type Page = Awaited<ReturnType<typeof meetingLoader>>;
const meetingPage = async (userId: string | null, slug: string) => (await meetingLoader(routeArgs(await requestAs(userId, `/meetings/${slug}`), { slug }))) as Page;

async function hybridMeeting(status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
  const meeting = await createMeeting({ status });
  await db.meeting.update({ where: { id: meeting.id }, data: { format: "HYBRID", onlineLink: "https://meet.example.org/secret" } });
  return meeting;
}

const register = (meetingId: string, u: { id: string | null; email: string; name: string }, status: "CONFIRMED" | "PENDING") =>
  db.registration.create({
    data: { meetingId, userId: u.id, name: u.name, email: u.email, emailNormalised: u.email, status, manageTokenHash: `${meetingId}-${u.email}` },
  });

describe("the meeting page", () => {
  it("shows the online link to organisers and to a confirmed registration of the person's own account only", async () => {
    const meeting = await hybridMeeting();
    const organiser = await createUser("ORGANISER");
    const byEmail = await createUser("PARTICIPANT");
    // Registered under their address before they had an account: the panel shows it, the link stays closed.
    await register(meeting.id, { id: null, email: byEmail.email, name: byEmail.name }, "CONFIRMED");
    const confirmed = await createUser("PARTICIPANT");
    await register(meeting.id, confirmed, "CONFIRMED");

    expect((await meetingPage(organiser.id, meeting.slug)).onlineLink).toBe("https://meet.example.org/secret");
    expect((await meetingPage(confirmed.id, meeting.slug)).onlineLink).toBe("https://meet.example.org/secret");
    const emailOnly = await meetingPage(byEmail.id, meeting.slug);
    expect(emailOnly.onlineLink).toBeNull();
    expect(emailOnly.registration).toEqual({ mine: { status: "CONFIRMED", attended: false }, delegationLink: null, participantsLink: null });
    const anonymous = await meetingPage(null, meeting.slug);
    expect(anonymous.onlineLink).toBeNull();
    expect(anonymous.registration).toBeNull();
  });

  it("shows a draft agenda to organisers only, with speakers and their agency's acronym", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency({ acronym: "FRX" });
    const parent = await db.agendaItem.create({ data: { meetingId: meeting.id, kind: "SESSION", title: "Day one", startsAt: meeting.startsAt, endsAt: meeting.endsAt, position: 0 } });
    await db.agendaItem.create({
      data: {
        meetingId: meeting.id, parentId: parent.id, kind: "PLENARY", title: "Opening", startsAt: meeting.startsAt, endsAt: new Date(meeting.startsAt.getTime() + 3600_000), position: 0,
        people: { create: [{ name: "Zoë Adams", role: "SPEAKER", agencyId: agency.id }, { name: "Ann Berg", role: "MODERATOR" }] },
      },
    });
    const organiser = await createUser("ORGANISER");
    const participant = await createUser("PARTICIPANT");

    expect((await meetingPage(participant.id, meeting.slug)).agenda).toEqual([]);
    const page = await meetingPage(organiser.id, meeting.slug);
    expect(page.agendaIsDraft).toBe(true);
    expect(page.agenda).toEqual([
      expect.objectContaining({
        title: "Day one",
        people: [],
        children: [expect.objectContaining({ title: "Opening", people: [{ name: "Zoë Adams", role: "SPEAKER", agency: { acronym: "FRX" } }, { name: "Ann Berg", role: "MODERATOR", agency: null }], children: [] })],
      }),
    ]);
    // Published through the organiser's action, which moves the public generation: the participant sees it at once.
    await publishAgenda(organiser, meeting.id);
    expect((await meetingPage(participant.id, meeting.slug)).agenda.map((i) => i.title)).toEqual(["Day one"]);
  });

  it("sends no ids, access fields or agenda bookkeeping to the browser", async () => {
    const meeting = await hybridMeeting();
    await db.agendaItem.create({ data: { meetingId: meeting.id, kind: "PLENARY", title: "Opening", startsAt: meeting.startsAt, endsAt: meeting.endsAt, position: 0 } });
    await db.meeting.update({ where: { id: meeting.id }, data: { agendaPublishedAt: new Date() } });
    const page = await meetingPage(null, meeting.slug);
    for (const field of ["id", "onlineLink", "agendaPublishedAt", "participantListVisible", "registrationOpensAt"]) expect(page.meeting).not.toHaveProperty(field);
    for (const field of ["parentId", "position", "updatedAt"]) expect(page.agenda[0]).not.toHaveProperty(field);
  });

  it("lists recommendations made and reviewed at the meeting, public statuses only, ordered by code", async () => {
    const made = await createMeeting({ title: "First session" });
    const later = await createMeeting();
    const b = await createRecommendationRow({ meetingId: made.id, status: "ADOPTED", code: `B-${made.id}` });
    const a = await createRecommendationRow({ meetingId: made.id, status: "IN_PROGRESS", code: `A-${made.id}`, progress: 40 });
    await createRecommendationRow({ meetingId: made.id, status: "PROPOSED" });
    await db.recommendationReview.create({ data: { recommendationId: b.id, meetingId: later.id, outcome: "Noted." } });
    await db.recommendationReview.create({ data: { recommendationId: a.id, meetingId: later.id } });

    const first = (await meetingPage(null, made.slug)).recommendations;
    expect(first.made.map((r) => [r.code, r.progress])).toEqual([[a.code, 40], [b.code, 0]]);
    expect(first.made[0].leadAgency).toEqual({ acronym: expect.any(String), name: expect.any(String) });
    expect(first.reviewed).toEqual([]);
    const second = (await meetingPage(null, later.slug)).recommendations;
    expect(second.made).toEqual([]);
    expect(second.reviewed.map((r) => [r.code, r.madeAt, r.outcome])).toEqual([[a.code, "First session", ""], [b.code, "First session", "Noted."]]);
  });
});

describe("the meeting list and the series page", () => {
  it("give each card its series without sending meeting ids", async () => {
    const series = await db.series.create({ data: { slug: `group-${Date.now()}`, name: "Working group" } });
    const member = await createAgency();
    await db.seriesMember.create({ data: { seriesId: series.id, agencyId: member.id } });
    const meeting = await createMeeting({ seriesId: series.id, startsAt: new Date("2031-01-10T08:00:00Z") });
    await createMeeting({ seriesId: series.id, status: "DRAFT" });

    const list = (await listLoader(routeArgs(await requestAs(null, `/meetings?series=${series.slug}`)))) as Awaited<ReturnType<typeof listLoader>>;
    expect(list.meetings.map((m) => [m.slug, m.series])).toEqual([[meeting.slug, { name: "Working group", slug: series.slug }]]);
    expect(list.meetings[0]).not.toHaveProperty("id");
    expect(list.series).toContainEqual({ value: series.slug, label: "Working group" });

    const page = (await seriesLoader(routeArgs(await requestAs(null, `/series/${series.slug}`), { slug: series.slug }))) as Awaited<ReturnType<typeof seriesLoader>>;
    expect(page.series.meetings.map((m) => m.slug)).toEqual([meeting.slug]);
    expect(page.series.members).toEqual([{ name: member.name, acronym: member.acronym, country: member.country }]);
  });

  it("shows a long-standing series' sessions a page at a time, the latest first, drafts not counted", async () => {
    const series = await db.series.create({ data: { slug: `standing-${Date.now()}`, name: "Standing group" } });
    const starts = Array.from({ length: PAGE_SIZE + 2 }, (_, i) => new Date(Date.UTC(2020 + Math.floor(i / 4), (i % 4) * 3, 10, 8)));
    const made = [];
    for (const startsAt of starts) made.push(await createMeeting({ seriesId: series.id, startsAt }));
    await createMeeting({ seriesId: series.id, status: "DRAFT", startsAt: new Date("2040-01-01T08:00:00Z") });
    const latestFirst = made.map((m) => m.slug).reverse();
    const at = async (query: string) =>
      (await seriesLoader(routeArgs(await requestAs(null, `/series/${series.slug}${query}`), { slug: series.slug }))) as Awaited<ReturnType<typeof seriesLoader>>;
    const first = await at("");
    expect(first.series.meetings.map((m) => m.slug)).toEqual(latestFirst.slice(0, PAGE_SIZE));
    expect([first.series.sessionCount, first.page, first.pageCount]).toEqual([PAGE_SIZE + 2, 1, 2]);
    const second = await at("?page=2");
    expect(second.series.meetings.map((m) => m.slug)).toEqual(latestFirst.slice(PAGE_SIZE));
  });
});

describe("the public pages' content, kept per process (decision 093)", () => {
  // Kept for as long as a test could take, so only a write through the app can make them new.
  const keep = () => setEnvForTest("PAGE_CACHE_MS", "3600000");
  const organiserActor = async () => ({ ...(await createUser("ORGANISER")), role: "ORGANISER" as const });
  const seriesPage = async (slug: string) =>
    (await seriesLoader(routeArgs(await requestAs(null, `/series/${slug}`), { slug }))) as Awaited<ReturnType<typeof seriesLoader>>;
  const listOf = async (seriesSlug: string) =>
    (await listLoader(routeArgs(await requestAs(null, `/meetings?series=${seriesSlug}`)))) as Awaited<ReturnType<typeof listLoader>>;

  it("keeps the meeting list's series options, and reads them again after a series is saved", async () => {
    keep();
    const list = async () => (await listLoader(routeArgs(await requestAs(null, "/meetings")))) as Awaited<ReturnType<typeof listLoader>>;
    await list();
    const saved = await saveSeries(await organiserActor(), null, { name: `Series saved ${Date.now()}` });
    if (!saved.ok) throw new Error("series not saved");
    expect((await list()).series.map((s) => s.value)).toContain(saved.slug);
  });

  it("serves a kept copy, and shows a change saved through this instance or another at once", async () => {
    keep();
    const actor = await organiserActor();
    const meeting = await createMeeting({ status: "PUBLISHED" });
    await saveAgendaItem(actor, meeting.id, { kind: "PLENARY", title: "Opening", startsAt: "2030-06-04T09:00", endsAt: "2030-06-04T10:00" });
    await publishAgenda(actor, meeting.id);
    expect((await meetingPage(null, meeting.slug)).agenda.map((i) => i.title)).toEqual(["Opening"]);

    // A change behind this process's back (another instance, a script) is not seen while the copy is kept ...
    await db.meeting.update({ where: { id: meeting.id }, data: { venue: "Written elsewhere" } });
    expect((await meetingPage(null, meeting.slug)).meeting.venue).not.toBe("Written elsewhere");
    // ... one saved through another instance is, at once: it moved the generation all instances share ...
    await db.meeting.update({ where: { id: meeting.id }, data: { room: "Room moved elsewhere" } });
    await db.$executeRaw`UPDATE "PublicGeneration" SET "value" = "value" + 1`;
    expect((await meetingPage(null, meeting.slug)).meeting.room).toBe("Room moved elsewhere");
    // ... and one saved here is too, with everything else the page shows.
    await saveAgendaItem(actor, meeting.id, { kind: "PLENARY", title: "Closing", startsAt: "2030-06-04T15:00", endsAt: "2030-06-04T16:00" });
    const page = await meetingPage(null, meeting.slug);
    expect(page.agenda.map((i) => i.title)).toEqual(["Opening", "Closing"]);
    expect(page.meeting.venue).toBe("Written elsewhere");

    const series = await saveSeries(actor, null, { name: `Kept series ${Date.now()}` });
    if (!series.ok) throw new Error("series not saved");
    const session = await createMeeting({ status: "PUBLISHED", seriesId: series.id });
    expect((await seriesPage(series.slug)).series.meetings.map((m) => m.slug)).toEqual([session.slug]);
    expect((await listOf(series.slug)).meetings.map((m) => m.slug)).toEqual([session.slug]);
    await db.meeting.update({ where: { id: session.id }, data: { title: "Renamed elsewhere" } });
    expect((await seriesPage(series.slug)).series.meetings[0].title).not.toBe("Renamed elsewhere");
    expect((await listOf(series.slug)).meetings[0].title).not.toBe("Renamed elsewhere");
    expect(await saveSeries(actor, series.id, { name: "Kept series, renamed", slug: series.slug })).toMatchObject({ ok: true });
    expect((await seriesPage(series.slug)).series.meetings[0].title).toBe("Renamed elsewhere");
    expect((await listOf(series.slug)).meetings[0]).toMatchObject({ title: "Renamed elsewhere", series: { name: "Kept series, renamed" } });
  });

  it("keeps a meeting's recommendations with it, and shows one saved through the recommendations pages at once", async () => {
    keep();
    const secretariat = await actor("SECRETARIAT");
    const made = await createMeeting({ status: "PUBLISHED", title: "Where it was made" });
    const later = await createMeeting({ status: "PUBLISHED", startsAt: new Date("2031-06-04T07:00:00Z"), endsAt: new Date("2031-06-04T15:00:00Z") });
    const rec = await createRecommendationRow({ meetingId: made.id, status: "PROPOSED" });
    const recommendationsOf = async (slug: string) => (await meetingPage(null, slug)).recommendations;
    expect((await recommendationsOf(made.slug)).made).toEqual([]);
    expect((await recommendationsOf(later.slug)).reviewed).toEqual([]);

    // Kept: a change behind the app's back is not seen ...
    await db.recommendation.update({ where: { id: rec.id }, data: { title: "Titled elsewhere" } });
    await db.$executeRaw`UPDATE "Recommendation" SET "status" = 'ADOPTED' WHERE "id" = ${rec.id}`;
    expect((await recommendationsOf(made.slug)).made).toEqual([]);
    await db.$executeRaw`UPDATE "Recommendation" SET "status" = 'PROPOSED' WHERE "id" = ${rec.id}`;
    // ... a status changed through the app is, at once, with everything else the list shows.
    expect(await changeStatus(secretariat, rec.id, { toStatus: "ADOPTED", note: "" })).toMatchObject({ ok: true });
    expect((await recommendationsOf(made.slug)).made.map((r) => [r.code, r.title, r.status])).toEqual([[rec.code, "Titled elsewhere", "ADOPTED"]]);
    // A review at a later session, and its outcome.
    expect(await addReview(secretariat, rec.id, { meetingId: later.id })).toMatchObject({ ok: true });
    expect((await recommendationsOf(later.slug)).reviewed.map((r) => [r.code, r.madeAt, r.outcome])).toEqual([[rec.code, "Where it was made", ""]]);
    const review = await db.recommendationReview.findFirstOrThrow({ where: { recommendationId: rec.id, meetingId: later.id }, select: { id: true } });
    expect(await recordReviewOutcome(secretariat, { reviewId: review.id, recommendationId: rec.id }, "Noted.")).toMatchObject({ ok: true });
    expect((await recommendationsOf(later.slug)).reviewed.map((r) => r.outcome)).toEqual(["Noted."]);
    // Progress recorded at the session's review table.
    const row = { reviewId: review.id, outcome: "Noted.", wasOutcome: "Noted.", status: "IN_PROGRESS" as const, wasStatus: "ADOPTED" as const, progress: 30, wasProgress: 0, note: "Started" };
    expect(await recordSessionReview(secretariat, later.id, [row])).toMatchObject({ ok: true, changed: 1 });
    expect((await recommendationsOf(made.slug)).made.map((r) => [r.status, r.progress])).toEqual([["IN_PROGRESS", 30]]);
  });

  it("decides per request who sees a kept meeting, its draft agenda and its online link", async () => {
    keep();
    const organiser = await createUser("ORGANISER");
    const draft = await hybridMeeting("DRAFT");
    await db.agendaItem.create({ data: { meetingId: draft.id, kind: "PLENARY", title: "Draft item", startsAt: draft.startsAt, endsAt: draft.endsAt, position: 0 } });
    // The organiser's read keeps the draft meeting, its draft agenda and its link; nobody else gets them.
    const seen = await meetingPage(organiser.id, draft.slug);
    expect([seen.onlineLink, seen.agenda.map((i) => i.title)]).toEqual(["https://meet.example.org/secret", ["Draft item"]]);
    await expect(meetingPage(null, draft.slug)).rejects.toMatchObject({ status: 404 });
    const participant = await createUser("PARTICIPANT");
    await expect(meetingPage(participant.id, draft.slug)).rejects.toMatchObject({ status: 404 });

    const published = await hybridMeeting();
    await db.agendaItem.create({ data: { meetingId: published.id, kind: "PLENARY", title: "Not yet public", startsAt: published.startsAt, endsAt: published.endsAt, position: 0 } });
    expect((await meetingPage(organiser.id, published.slug)).agenda.map((i) => i.title)).toEqual(["Not yet public"]);
    const anonymous = await meetingPage(null, published.slug);
    expect([anonymous.onlineLink, anonymous.agenda, anonymous.agendaIsDraft]).toEqual([null, [], true]);
  });

  it("reads no documents for a meeting that has none, and shows the first one saved at once (decision 094)", async () => {
    keep();
    const actor = await organiserActor();
    const meeting = await createMeeting({ status: "PUBLISHED" });
    expect((await meetingPage(null, meeting.slug)).documents).toEqual([]);
    // Kept: the meeting has no documents, so the page does not ask for them; one written behind the app's back
    // is not seen while the copy is kept ...
    const file = { filename: "elsewhere.pdf", mimeType: "application/pdf", size: 10, sha256: "0".repeat(64), key: `elsewhere-${meeting.id}` };
    await db.document.create({
      data: { meetingId: meeting.id, title: "Written elsewhere", type: "BACKGROUND_PAPER", language: "en", visibility: "PUBLIC", versions: { create: { version: 1, file: { create: file } } } },
    });
    expect((await meetingPage(null, meeting.slug)).documents).toEqual([]);
    // ... one saved through the app is, at once, for the readers allowed to see it.
    const document = { type: "BACKGROUND_PAPER" as const, language: "en", visibility: "PUBLIC" as const };
    expect(await createDocument(actor, meeting.id, { ...document, title: "Public paper" }, upload(pdfBytes(), "paper.pdf"))).toMatchObject({ ok: true });
    expect((await meetingPage(null, meeting.slug)).documents.map((d) => d.title).sort()).toEqual(["Public paper", "Written elsewhere"]);
  });

  it("hands every reader the same frozen copy: a reader cannot change the next one's page", async () => {
    keep();
    const meeting = await createMeeting({ status: "PUBLISHED" });
    const page = await meetingPage(null, meeting.slug);
    expect(() => {
      (page.meeting as { title: string }).title = "Changed by a reader";
    }).toThrow(TypeError);
    expect((await meetingPage(null, meeting.slug)).meeting.title).toBe(meeting.title);
  });
});

describe("the meeting list's agency search", () => {
  const list = async (query: string) =>
    (await listLoader(routeArgs(await requestAs(null, `/meetings?agency=${encodeURIComponent(query)}`)))) as Awaited<ReturnType<typeof listLoader>>;

  it("finds the meetings an agency takes part in by part of its name or acronym, in any case, or by its id", async () => {
    const n = Date.now().toString(36);
    const agency = await createAgency({ acronym: `SRCH${n}`, name: `Searchable Coast Guard ${n}` });
    const taking = await createMeeting({ status: "PUBLISHED" });
    const other = await createMeeting({ status: "PUBLISHED" });
    await db.delegation.create({ data: { meetingId: taking.id, agencyId: agency.id } });
    for (const query of [`srch${n}`, `searchable coast guard ${n}`.toUpperCase(), ` Coast Guard ${n} `, agency.id]) {
      const found = (await list(query)).meetings.map((m) => m.slug);
      expect(found, query).toContain(taking.slug);
      expect(found, query).not.toContain(other.slug);
    }
    const renamed = await updateAgency({ ...(await createUser("ORGANISER")), role: "ORGANISER" }, agency.id, { name: `Renamed Service ${n}`, acronym: `RNM${n}`, kind: "NATIONAL_AUTHORITY" });
    expect(renamed.ok).toBe(true);
    expect((await list(`renamed service ${n}`)).meetings.map((m) => m.slug)).toEqual([taking.slug]);
    expect((await list(`searchable coast guard ${n}`)).total).toBe(0);
  });
});
