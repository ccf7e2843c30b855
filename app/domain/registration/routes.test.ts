import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { createAgency, createMeeting, createUser, formRequest, requestAs, responseStatus, routeArgs } from "~/test/factories";
import { createDelegation, registerPerson } from "~/test/factories.registration";
import * as adminRegistrations from "~/routes/admin.meetings.$id.registrations";
import * as adminDetail from "~/routes/admin.meetings.$id.registrations_.$registrationId";
import * as adminImport from "~/routes/admin.meetings.$id.registrations_.import";
import * as adminCsv from "~/routes/admin.meetings.$id.registrations[.]csv";
import * as adminCheckin from "~/routes/admin.meetings.$id.checkin";
import * as adminDelegations from "~/routes/admin.meetings.$id.registrations_.delegations";
import * as delegation from "~/routes/delegations.$slug";
import * as me from "~/routes/me";
import * as delegateEdit from "~/routes/delegations.$slug_.$registrationId";
import * as participants from "~/routes/meetings.$slug.participants";
import * as invite from "~/routes/invite.$token";
import { createInvitation } from "./organiser.server";
import * as manage from "~/routes/registrations.$token";
import { actor } from "~/test/factories.recommendations";
import { refusalMessages } from "~/utils/forms.server";

// Every loader and action checks who is asking; these prove the refusals at the route level.

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

function statusOf(handler: unknown, request: Request, params: Record<string, string>): Promise<number> {
  return responseStatus((handler as Handler)(routeArgs(request, params) as LoaderFunctionArgs & ActionFunctionArgs));
}

describe("organiser pages", () => {
  it("refuse anonymous visitors, participants, focal points and the secretariat", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const reg = await registerPerson(meeting.id, agency.id);
    const url = `/admin/meetings/${meeting.id}/registrations`;
    const params = { id: meeting.id };
    expect(await statusOf(adminRegistrations.loader, await requestAs(null, url), params)).toBe(302);
    for (const role of ["PARTICIPANT", "FOCAL_POINT", "SECRETARIAT"] as const) {
      const user = await createUser(role, { agencyId: agency.id });
      expect(await statusOf(adminRegistrations.loader, await requestAs(user.id, url), params)).toBe(403);
      expect(await statusOf(adminCsv.loader, await requestAs(user.id, `${url}.csv`), params)).toBe(403);
      expect(await statusOf(adminCheckin.loader, await requestAs(user.id, `/admin/meetings/${meeting.id}/checkin`), params)).toBe(403);
      expect(await statusOf(adminDelegations.loader, await requestAs(user.id, `${url}/delegations`), params)).toBe(403);
      expect(await statusOf(adminDetail.loader, await requestAs(user.id, `${url}/${reg.id}`), { ...params, registrationId: reg.id })).toBe(403);
      const bulk = await requestAs(user.id, url, formRequest({ intent: "decline", ids: reg.id }));
      expect(await statusOf(adminRegistrations.action, bulk, params)).toBe(403);
      const checkin = await requestAs(user.id, `/admin/meetings/${meeting.id}/checkin`, formRequest({ intent: "attend", id: reg.id }));
      expect(await statusOf(adminCheckin.action, checkin, params)).toBe(403);
    }
    expect((await db.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe("CONFIRMED");
    const organiser = await actor("ORGANISER");
    expect(await statusOf(adminRegistrations.loader, await requestAs(organiser.id, url), params)).toBe(200);
    expect(await statusOf(adminDetail.loader, await requestAs(organiser.id, `${url}/${reg.id}`), { ...params, registrationId: reg.id })).toBe(200);
    // A registration of another meeting is not reachable through this meeting's URL.
    const elsewhere = await registerPerson((await createMeeting()).id, agency.id);
    expect(await statusOf(adminDetail.loader, await requestAs(organiser.id, `${url}/${elsewhere.id}`), { ...params, registrationId: elsewhere.id })).toBe(404);
    const res = await (adminCsv.loader as Handler)({ request: await requestAs(organiser.id, `${url}.csv`), params, context: {} } as never);
    expect(await (res as Response).text()).toContain("Name,Email,Agency");
  });
});

describe("adding one participant", () => {
  it("registers the person for the organiser and shows bad input back", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting();
    const agency = await createAgency();
    const url = `/admin/meetings/${meeting.id}/registrations/import`;
    const params = { id: meeting.id };
    const bad = await (adminImport.action as Handler)({ request: await requestAs(organiser.id, url, formRequest({ intent: "add", name: "Rui Silva", email: "nope", agencyId: agency.id, role: "SPEAKER" })), params, context: {} } as never);
    expect(JSON.stringify(bad)).toContain("registration:error.emailInvalid");
    const ok = await statusOf(adminImport.action, await requestAs(organiser.id, url, formRequest({ intent: "add", name: "Rui Silva", email: "rui.silva@example.org", agencyId: agency.id, role: "SPEAKER" })), params);
    expect(ok).toBe(302);
    const reg = await db.registration.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(reg).toMatchObject({ role: "SPEAKER", registeredById: organiser.id, consentAt: null, status: "CONFIRMED" });
    const focal = await createUser("FOCAL_POINT", { agencyId: agency.id });
    expect(await statusOf(adminImport.action, await requestAs(focal.id, url, formRequest({ intent: "add", name: "X Y", email: "x@example.org", agencyId: agency.id, role: "DELEGATE" })), params)).toBe(403);
  });
});

describe("focal point pages", () => {
  it("refuse other roles and never act on another agency's registration", async () => {
    const meeting = await createMeeting();
    const mine = await createAgency();
    const theirs = await createAgency();
    await createDelegation(meeting.id, mine.id, { quota: 3 });
    const foreign = await registerPerson(meeting.id, theirs.id);
    const url = `/delegations/${meeting.slug}`;
    const params = { slug: meeting.slug };
    const participant = await createUser("PARTICIPANT", { agencyId: mine.id });
    expect(await statusOf(delegation.loader, await requestAs(participant.id, url), params)).toBe(403);
    const focal = await createUser("FOCAL_POINT", { agencyId: mine.id });
    expect(await statusOf(delegation.loader, await requestAs(focal.id, url), params)).toBe(200);
    const cancel = await requestAs(focal.id, url, formRequest({ intent: "confirm-cancel", id: foreign.id }));
    expect(await statusOf(delegation.action, cancel, params)).toBe(403);
    expect((await db.registration.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("CONFIRMED");
    const editForeign = await requestAs(focal.id, `${url}/${foreign.id}`, formRequest({ name: "Renamed", role: "DELEGATE" }));
    expect(await statusOf(delegateEdit.action, editForeign, { ...params, registrationId: foreign.id })).toBe(404);
    const own = await registerPerson(meeting.id, mine.id);
    const editOwn = await requestAs(focal.id, `${url}/${own.id}`, formRequest({ name: "Renamed Delegate", jobTitle: "Inspector", role: "SPEAKER" }));
    expect(await statusOf(delegateEdit.action, editOwn, { ...params, registrationId: own.id })).toBe(302);
    expect(await db.registration.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ name: "Renamed Delegate", role: "SPEAKER" });
    expect((await db.registration.findUniqueOrThrow({ where: { id: foreign.id } })).name).not.toBe("Renamed");
    const invitationOnly = await createMeeting({ visibility: "INVITATION" });
    expect(await statusOf(delegation.loader, await requestAs(focal.id, `/delegations/${invitationOnly.slug}`), { slug: invitationOnly.slug })).toBe(403);
  });
});

describe("invitation links", () => {
  it("register only the invited agency's people, and refuse forged links", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting({ visibility: "INVITATION" });
    const invited = await createAgency();
    const other = await createAgency();
    const res = await createInvitation(organiser, meeting.id, { agencyId: invited.id });
    if (!res.ok) throw new Error(refusalMessages(res).join(" "));
    const token = res.url.split("/invite/")[1];
    const fields = { name: "Ines Costa", email: "ines.costa@example.org", role: "DELEGATE", consent: "on" };
    const wrong = await (invite.action as Handler)({ request: await requestAs(null, `/invite/${token}`, formRequest({ ...fields, agencyId: other.id })), params: { token }, context: {} } as never);
    expect(JSON.stringify(wrong)).toContain("This invitation is for another agency.");
    const ok = await statusOf(invite.action, await requestAs(null, `/invite/${token}`, formRequest({ ...fields, agencyId: invited.id })), { token });
    expect(ok).toBe(302);
    expect(await db.registration.count({ where: { meetingId: meeting.id, agencyId: invited.id, invitationId: { not: null } } })).toBe(1);
    expect(await statusOf(invite.loader, await requestAs(null, "/invite/forged"), { token: "forged" })).toBe(404);
  });
});

describe("participant pages", () => {
  it("let a person act only on their own registration", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const other = await registerPerson(meeting.id, agency.id);
    const user = await createUser("PARTICIPANT");
    const req = await requestAs(user.id, "/me", formRequest({ intent: "confirm-cancel", id: other.id }));
    expect(await statusOf(me.action, req, {})).toBe(403);
    expect((await db.registration.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("CONFIRMED");
    expect(await statusOf(manage.loader, await requestAs(null, "/registrations/forged"), { token: "forged" })).toBe(404);
    expect(await statusOf(manage.loader, await requestAs(null, `/registrations/${other.token}`), { token: other.token })).toBe(200);
  });

  it("show the participant list only to signed-in confirmed participants", async () => {
    const meeting = await createMeeting();
    await db.meeting.update({ where: { id: meeting.id }, data: { participantListVisible: true } });
    const url = `/meetings/${meeting.slug}/participants`;
    const params = { slug: meeting.slug };
    expect(await statusOf(participants.loader, await requestAs(null, url), params)).toBe(302);
    const stranger = await createUser("PARTICIPANT");
    expect(await statusOf(participants.loader, await requestAs(stranger.id, url), params)).toBe(403);
    const agency = await createAgency();
    await registerPerson(meeting.id, agency.id, { person: { email: stranger.email } });
    expect(await statusOf(participants.loader, await requestAs(stranger.id, url), params)).toBe(200);
  });
});

describe("cancelling asks for confirmation (works without JavaScript)", () => {
  const location = async (p: Promise<unknown>) => {
    const r = (await p.catch((e: unknown) => e)) as Response;
    return { status: r.status, to: r.headers.get("Location") };
  };
  const statusOfReg = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;

  it("on the private page, /me, the focal point's delegation and the organiser's registration page", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    await createDelegation(meeting.id, agency.id);

    const self = await registerPerson(meeting.id, agency.id);
    const selfUrl = `/registrations/${self.token}`;
    const first = await location(manage.action({ request: await requestAs(null, selfUrl, formRequest({ intent: "cancel" })), params: { token: self.token }, context: {} }));
    expect(first).toEqual({ status: 302, to: `${selfUrl}?confirm=cancel` });
    expect(await statusOfReg(self.id)).toBe("CONFIRMED");
    await manage.action({ request: await requestAs(null, selfUrl, formRequest({ intent: "confirm-cancel" })), params: { token: self.token }, context: {} });
    expect(await statusOfReg(self.id)).toBe("CANCELLED");

    const user = await createUser("PARTICIPANT");
    const mine = await registerPerson(meeting.id, agency.id, { person: { email: user.email } });
    const meFirst = await location(me.action({ request: await requestAs(user.id, "/me", formRequest({ intent: "cancel", id: mine.id })), params: {}, context: {} }));
    expect(meFirst).toEqual({ status: 302, to: `/me?confirm=cancel&id=${mine.id}` });
    expect(await statusOfReg(mine.id)).toBe("CONFIRMED");
    await me.action({ request: await requestAs(user.id, "/me", formRequest({ intent: "confirm-cancel", id: mine.id })), params: {}, context: {} });
    expect(await statusOfReg(mine.id)).toBe("CANCELLED");

    const focal = await createUser("FOCAL_POINT", { agencyId: agency.id });
    const delegate = await registerPerson(meeting.id, agency.id);
    const url = `/delegations/${meeting.slug}`;
    const dFirst = await location(delegation.action({ request: await requestAs(focal.id, url, formRequest({ intent: "cancel", id: delegate.id })), params: { slug: meeting.slug }, context: {} }));
    expect(dFirst).toEqual({ status: 302, to: `${url}?confirm=cancel&id=${delegate.id}` });
    expect(await statusOfReg(delegate.id)).toBe("CONFIRMED");
    await delegation.action({ request: await requestAs(focal.id, url, formRequest({ intent: "confirm-cancel", id: delegate.id })), params: { slug: meeting.slug }, context: {} });
    expect(await statusOfReg(delegate.id)).toBe("CANCELLED");

    const organiser = await actor("ORGANISER");
    const other = await registerPerson(meeting.id, agency.id);
    const params = { id: meeting.id, registrationId: other.id };
    const here = `/admin/meetings/${meeting.id}/registrations/${other.id}`;
    const oFirst = await location(adminDetail.action({ request: await requestAs(organiser.id, here, formRequest({ intent: "cancel" })), params, context: {} }));
    expect(oFirst).toEqual({ status: 302, to: `${here}?confirm=cancel` });
    expect(await statusOfReg(other.id)).toBe("CONFIRMED");
    await adminDetail.action({ request: await requestAs(organiser.id, here, formRequest({ intent: "confirm-cancel" })), params, context: {} });
    expect(await statusOfReg(other.id)).toBe("CANCELLED");
  });
});
