import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createAgency, createMeeting, createUser as createUserRow, formAnswer, formRequest, requestAs, responseStatus as status, routeArgs as args } from "~/test/factories";
import type { Actor, Role } from "~/domain/auth/roles";
import { createAgenda } from "~/test/factories.meetings";
import { loader as adminMeetingLoader, action as overviewAction } from "~/routes/admin.meetings.$id._index";
import { loader as newLoader, action as newAction } from "~/routes/admin.meetings.new";
import { action as agendaAction, loader as agendaLoader } from "~/routes/admin.meetings.$id.agenda";
import { action as editAction } from "~/routes/admin.meetings.$id.edit";
import { action as agencyAction } from "~/routes/admin.agencies.new";
import { loader as publicLoader } from "~/routes/meetings.$slug._index";
import { loader as icsLoader } from "~/routes/meetings.$slug.calendar[.ics]";
import { cloneMeeting, transitionMeeting, updateMeeting } from "./meetings.server";
import { meetingSchema } from "./meeting.schema";

/** A user row typed as the actor the domain expects. */
async function createUser(role: Role, over: { agencyId?: string } = {}): Promise<Actor> {
  const u = await createUserRow(role, over);
  return { ...u, role };
}

const validMeeting = {
  title: "Combating Irregular Migration in the EU",
  timeZone: "Europe/Brussels",
  startsAt: "2030-06-04T08:30",
  endsAt: "2030-06-04T17:00",
  format: "IN_PERSON",
  languages: "en,fr",
  visibility: "PUBLIC",
  approvalMode: "AUTOMATIC",
};

describe("access to the staff meeting pages", () => {
  it("refuses participants and focal points (403) on loaders and actions", async () => {
    const agency = await createAgency();
    const meeting = await createMeeting();
    for (const role of ["PARTICIPANT", "FOCAL_POINT"] as const) {
      const user = await createUser(role, { agencyId: agency.id });
      expect(await status(adminMeetingLoader(args(await requestAs(user.id, `/admin/meetings/${meeting.id}`), { id: meeting.id })))).toBe(403);
      expect(await status(newLoader(args(await requestAs(user.id, "/admin/meetings/new"))))).toBe(403);
      expect(await status(newAction(args(await requestAs(user.id, "/admin/meetings/new", formRequest(validMeeting)))))).toBe(403);
      expect(await status(agendaLoader(args(await requestAs(user.id, `/admin/meetings/${meeting.id}/agenda`), { id: meeting.id })))).toBe(403);
      const publish = formRequest({ intent: "publish" });
      expect(await status(agendaAction(args(await requestAs(user.id, `/admin/meetings/${meeting.id}/agenda`, publish), { id: meeting.id })))).toBe(403);
      expect(await status(overviewAction(args(await requestAs(user.id, `/admin/meetings/${meeting.id}`, formRequest({ to: "CANCELLED" })), { id: meeting.id })))).toBe(403);
      expect(await status(agencyAction(args(await requestAs(user.id, "/admin/agencies/new", formRequest({ name: "X agency", acronym: "X", kind: "NGO" })))))).toBe(403);
    }
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("PUBLISHED");
  });

  it("hides drafts from the public (404) but shows them to organisers", async () => {
    const meeting = await createMeeting({ status: "DRAFT" });
    const organiser = await createUser("ORGANISER");
    const participant = await createUser("PARTICIPANT");
    expect(await status(publicLoader(args(await requestAs(null, `/meetings/${meeting.slug}`), { slug: meeting.slug })))).toBe(404);
    expect(await status(publicLoader(args(await requestAs(participant.id, `/meetings/${meeting.slug}`), { slug: meeting.slug })))).toBe(404);
    expect(await status(icsLoader(args(await requestAs(null, `/meetings/${meeting.slug}/calendar.ics`), { slug: meeting.slug })))).toBe(404);
    expect(await status(publicLoader(args(await requestAs(organiser.id, `/meetings/${meeting.slug}`), { slug: meeting.slug })))).toBe(200);
  });
});

describe("bad input never becomes a 500", () => {
  it("returns field errors for end before start, unknown zone, overlong text and bad numbers", async () => {
    const organiser = await createUser("ORGANISER");
    const order = { ...validMeeting, title: "<script>alert(1)</script>", endsAt: "2030-06-04T07:00" };
    const ends = await formAnswer(newAction(args(await requestAs(organiser.id, "/admin/meetings/new", formRequest(order)))));
    expect(ends.result.error.endsAt).toEqual(["admin:error.endAfterStart"]);
    const both = { ...validMeeting, endsAt: "2030-06-04T07:00", description: "x".repeat(10_001) };
    const all = await formAnswer(newAction(args(await requestAs(organiser.id, "/admin/meetings/new", formRequest(both)))));
    expect(all.result.error.description?.[0]).toBe("common:form.max.10000");
    expect(all.result.error.endsAt).toEqual(["admin:error.endAfterStart"]);
    const bad = { ...validMeeting, description: "x".repeat(10_001), capacity: "many" };
    const result = await formAnswer(newAction(args(await requestAs(organiser.id, "/admin/meetings/new", formRequest(bad)))));
    expect(result.result.error.description?.[0]).toBe("common:form.max.10000");
    expect(result.result.error.capacity).toBeDefined();
    const zone = await formAnswer(newAction(args(await requestAs(organiser.id, "/admin/meetings/new", formRequest({ ...validMeeting, timeZone: "Mars/Olympus" })))));
    expect(zone.result.error.timeZone?.[0]).toBe("admin:error.timeZoneList");
    const date = await formAnswer(newAction(args(await requestAs(organiser.id, "/admin/meetings/new", formRequest({ ...validMeeting, startsAt: "2030-02-30T09:00" })))));
    expect(date.result.error.startsAt).toBeDefined();
  });

  it("keeps HTML as text and refuses a slug that is taken", async () => {
    const organiser = await createUser("ORGANISER");
    const existing = await createMeeting();
    const taken = await formAnswer(newAction(args(await requestAs(organiser.id, "/admin/meetings/new", formRequest({ ...validMeeting, slug: existing.slug })))));
    expect(taken.result.error.slug).toEqual(["admin:error.slugTaken"]);
    const res = await newAction(args(await requestAs(organiser.id, "/admin/meetings/new", formRequest({ ...validMeeting, title: "<b>Border</b> & co" }))));
    expect(res).toBeInstanceOf(Response);
    const created = await db.meeting.findFirstOrThrow({ where: { title: "<b>Border</b> & co" } });
    expect(created.status).toBe("DRAFT");
    expect(created.startsAt.toISOString()).toBe("2030-06-04T06:30:00.000Z");
    expect(await db.auditLog.count({ where: { entity: "Meeting", entityId: created.id, action: "create" } })).toBe(1);
  });

  it("returns field errors from the agenda editor for bad times and unknown agencies", async () => {
    const organiser = await createUser("ORGANISER");
    const meeting = await createMeeting();
    const bad = formRequest({ intent: "save-item", kind: "SESSION", title: "Opening", startsAt: "2030-06-04T10:00", endsAt: "2030-06-04T09:00" });
    const r = await formAnswer(agendaAction(args(await requestAs(organiser.id, "/x", bad), { id: meeting.id })));
    expect(r.result.error.endsAt).toEqual(["admin:error.endAfterStart"]);
    const [itemId] = await createAgenda(meeting.id, [["Opening", "2030-06-04T07:00Z", "2030-06-04T08:00Z"]]);
    const person = formRequest({ intent: "add-person", itemId, name: "Ana Popescu", agencyId: "no-such-agency", role: "SPEAKER" });
    const p = await formAnswer(agendaAction(args(await requestAs(organiser.id, "/x", person), { id: meeting.id })));
    expect(p.result.error.agencyId).toEqual(["admin:error.agency"]);
    const kind = formRequest({ intent: "save-item", kind: "PARTY", title: "x", startsAt: "nonsense", endsAt: "" });
    const k = await formAnswer(agendaAction(args(await requestAs(organiser.id, "/x", kind), { id: meeting.id })));
    expect(k.result.error.kind).toBeDefined();
  });

  it("returns a field error for a duplicate agency name", async () => {
    const organiser = await createUser("ORGANISER");
    const agency = await createAgency();
    const r = await formAnswer(agencyAction(args(await requestAs(organiser.id, "/admin/agencies/new", formRequest({ name: agency.name, acronym: "DUP", kind: "NGO", country: "XX" })))));
    expect(r.result.error.country).toEqual(["admin:agencies.error.country"]);
    const r2 = await formAnswer(agencyAction(args(await requestAs(organiser.id, "/admin/agencies/new", formRequest({ name: agency.name, acronym: "DUP", kind: "NGO", country: "BE" })))));
    expect(r2.result.error.name).toEqual(["admin:agencies.error.nameTaken"]);
  });
});

describe("meeting lifecycle and announced changes", () => {
  it("enforces the transition table in the domain and audits each change", async () => {
    const organiser = await createUser("ORGANISER");
    const meeting = await createMeeting({ status: "DRAFT" });
    expect(await transitionMeeting(organiser, meeting.id, "HELD")).toMatchObject({ ok: false });
    expect(await transitionMeeting(organiser, meeting.id, "PUBLISHED")).toEqual({ ok: true });
    expect(await transitionMeeting(organiser, meeting.id, "REGISTRATION_CLOSED")).toEqual({ ok: true });
    expect(await transitionMeeting(organiser, meeting.id, "DRAFT")).toMatchObject({ ok: false });
    const entries = await db.auditLog.findMany({ where: { entityId: meeting.id, action: "status" }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.after)).toEqual([{ status: "PUBLISHED" }, { status: "REGISTRATION_CLOSED" }]);
  });

  it("bumps the calendar sequence and queues updates for confirmed participants when a published meeting moves", async () => {
    const organiser = await createUser("ORGANISER");
    const meeting = await createMeeting({ status: "PUBLISHED" });
    await db.registration.create({
      data: { meetingId: meeting.id, name: "Ilze Bērziņa", email: "ilze@example.org", emailNormalised: "ilze@example.org", status: "CONFIRMED", manageTokenHash: `h-${meeting.id}` },
    });
    const input = meetingSchema.parse({ ...validMeeting, title: meeting.title, slug: meeting.slug, startsAt: "2030-06-05T09:00", endsAt: "2030-06-05T17:00" });
    expect((await updateMeeting(organiser, meeting.id, input)).ok).toBe(true);
    const after = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(after.icsSequence).toBe(1);
    const mails = await db.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: "meeting-updated" } });
    expect(mails).toHaveLength(1);
    expect(mails[0].toEmail).toBe("ilze@example.org");
    expect(mails[0].icsContent).toContain("SEQUENCE:1");
    // Changing only the description is not announced.
    const again = meetingSchema.parse({ ...validMeeting, title: meeting.title, slug: meeting.slug, startsAt: "2030-06-05T09:00", endsAt: "2030-06-05T17:00", description: "New text" });
    await updateMeeting(organiser, meeting.id, again);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).icsSequence).toBe(1);
  });

  it("edits through the route keep the user's input with errors", async () => {
    const organiser = await createUser("ORGANISER");
    const meeting = await createMeeting();
    const r = await formAnswer(editAction(args(await requestAs(organiser.id, "/x", formRequest({ ...validMeeting, format: "ONLINE" })), { id: meeting.id })));
    expect(r.result.error.onlineLink).toEqual(["admin:error.onlineNeedsLink"]);
    expect(r.result.initialValue.title).toBe(validMeeting.title);
  });
});

describe("cloning a meeting as the next session", () => {
  it("shifts the agenda keeping local times across a DST change and adds open recommendations for review", async () => {
    const organiser = await createUser("ORGANISER");
    const agency = await createAgency();
    const series = await db.series.create({ data: { slug: `s-${Date.now()}`, name: `Series ${Date.now()}` } });
    // 19 March 2026, 09:00–13:00 Brussels (UTC+1)
    const source = await createMeeting({ seriesId: series.id, startsAt: new Date("2026-03-19T08:00:00Z"), endsAt: new Date("2026-03-19T12:00:00Z"), status: "HELD" });
    const [parent] = await createAgenda(source.id, [
      ["Opening", "2026-03-19T08:00:00Z", "2026-03-19T09:00:00Z"],
      ["Sub-item", "2026-03-19T08:15:00Z", "2026-03-19T08:45:00Z", 0],
    ]);
    await db.agendaPerson.create({ data: { agendaItemId: parent, name: "Camille Bernard", agencyId: agency.id, role: "MODERATOR" } });
    const open = await db.recommendation.create({
      data: { code: `R-${Date.now()}`, title: "Share data", text: "Share data faster.", meetingId: source.id, leadAgencyId: agency.id, status: "ADOPTED" },
    });
    const saved = await cloneMeeting(organiser, source.id, { title: "Next session", date: "2026-04-02", addOpenRecommendations: true });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const copy = await db.meeting.findUniqueOrThrow({ where: { id: saved.id }, include: { agendaItems: { include: { people: true } }, reviews: true } });
    expect(copy.status).toBe("DRAFT");
    expect(copy.seriesId).toBe(series.id);
    expect(copy.startsAt.toISOString()).toBe("2026-04-02T07:00:00.000Z"); // 09:00 CEST
    const opening = copy.agendaItems.find((i) => i.title === "Opening")!;
    const sub = copy.agendaItems.find((i) => i.title === "Sub-item")!;
    expect(opening.startsAt.toISOString()).toBe("2026-04-02T07:00:00.000Z");
    expect(sub.startsAt.toISOString()).toBe("2026-04-02T07:15:00.000Z");
    expect(sub.parentId).toBe(opening.id);
    expect(opening.people.map((p) => p.name)).toEqual(["Camille Bernard"]);
    expect(copy.reviews.map((r) => r.recommendationId)).toEqual([open.id]);
  });

  it("copies delegations with their quotas and reserved seats and invites the series' member agencies once", async () => {
    const organiser = await createUser("ORGANISER");
    const [withFocal, withoutFocal, outsider] = [await createAgency(), await createAgency(), await createAgency()];
    const focal = await createUserRow("FOCAL_POINT", { agencyId: withFocal.id });
    const series = await db.series.create({
      data: { slug: `m-${Date.now()}`, name: `Members ${Date.now()}`, members: { create: [{ agencyId: withFocal.id }, { agencyId: withoutFocal.id }] } },
    });
    const source = await createMeeting({ seriesId: series.id, startsAt: new Date("2026-03-19T08:00:00Z"), endsAt: new Date("2026-03-19T12:00:00Z"), status: "HELD" });
    await db.delegation.create({ data: { meetingId: source.id, agencyId: withFocal.id, quota: 3, reservedSeats: 2 } });
    await db.delegation.create({ data: { meetingId: source.id, agencyId: outsider.id, quota: null, reservedSeats: 1 } });

    const input = { title: `Members session ${Date.now()}`, date: "2026-10-01", inviteMembers: true };
    // A doubled submit: both at once, then once more.
    const [a, b] = await Promise.all([cloneMeeting(organiser, source.id, input), cloneMeeting(organiser, source.id, input)]);
    const c = await cloneMeeting(organiser, source.id, input);
    if (!a.ok || !b.ok || !c.ok) throw new Error("clone refused");
    const copies = await db.meeting.findMany({ where: { seriesId: series.id, title: input.title } });
    expect(copies).toHaveLength(1);
    const copyId = copies[0].id;
    expect([a.id, b.id, c.id]).toEqual([copyId, copyId, copyId]);

    const delegations = await db.delegation.findMany({ where: { meetingId: copyId }, select: { agencyId: true, quota: true, reservedSeats: true, headRegistrationId: true } });
    expect(delegations.sort((x, y) => Number(x.agencyId === outsider.id) - Number(y.agencyId === outsider.id))).toEqual([
      { agencyId: withFocal.id, quota: 3, reservedSeats: 2, headRegistrationId: null },
      { agencyId: outsider.id, quota: null, reservedSeats: 1, headRegistrationId: null },
    ]);
    const invitations = await db.invitation.findMany({ where: { meetingId: copyId }, select: { agencyId: true, email: true } });
    expect(invitations.sort((x, y) => Number(!x.email) - Number(!y.email))).toEqual([
      { agencyId: withFocal.id, email: focal.email },
      { agencyId: withoutFocal.id, email: null },
    ]);
    const mails = await db.outboxMessage.findMany({ where: { meetingId: copyId, kind: "registration-invitation" }, select: { toEmail: true } });
    expect(mails).toEqual([{ toEmail: focal.email }]);
  });

  it("invites nobody when the organiser unticks the invitation", async () => {
    const organiser = await createUser("ORGANISER");
    const member = await createAgency();
    const series = await db.series.create({ data: { slug: `n-${Date.now()}`, name: `No invite ${Date.now()}`, members: { create: [{ agencyId: member.id }] } } });
    const source = await createMeeting({ seriesId: series.id });
    const saved = await cloneMeeting(organiser, source.id, { title: "Quiet session", date: "2031-01-15" });
    if (!saved.ok) throw new Error("clone refused");
    expect(await db.invitation.count({ where: { meetingId: saved.id } })).toBe(0);
  });
});
