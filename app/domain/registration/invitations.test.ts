import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createMeeting } from "~/test/factories";
import * as invitePage from "~/routes/invite.$token";
import { createInvitation, findInvitation, listInvitations } from "./organiser.server";
import { actor } from "~/test/factories.recommendations";
import { refusalMessages } from "~/utils/forms.server";

// Invitation links expire: by default when registration closes (docs/decisions/055-retention-and-derived-keys.md).

async function invite(meetingId: string, input: { email?: string; expiresAt?: string } = {}, now?: Date) {
  const organiser = await actor("ORGANISER");
  const res = await createInvitation(organiser, meetingId, { email: "guest@example.org", ...input }, now);
  if (!res.ok) throw new Error(refusalMessages(res).join(" "));
  return { ...res, token: res.url.split("/invite/")[1] };
}

async function loadInvitePage(token: string): Promise<{ status: number; body: string }> {
  try {
    await invitePage.loader({ request: new Request(`http://convene.test/invite/${token}`), params: { token }, context: {} });
    return { status: 200, body: "" };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, body: await e.text() };
    throw e;
  }
}

describe("invitation expiry", () => {
  it("defaults to the registration close, or the meeting's end when registration has no (future) close", async () => {
    const meeting = await createMeeting({ visibility: "INVITATION" });
    const closes = new Date("2030-05-20T16:00:00Z");
    await db.meeting.update({ where: { id: meeting.id }, data: { registrationClosesAt: closes } });
    const a = await invite(meeting.id);
    expect(a.expiresAt).toEqual(closes);
    expect((await db.invitation.findFirstOrThrow({ where: { meetingId: meeting.id } })).expiresAt).toEqual(closes);

    const late = await invite(meeting.id, { email: "late@example.org" }, new Date("2030-05-25T00:00:00Z"));
    expect(late.expiresAt).toEqual(meeting.endsAt);
  });

  it("reads a chosen time in the meeting's zone and refuses past times and times after the meeting", async () => {
    const meeting = await createMeeting({ timeZone: "Europe/Brussels" });
    const organiser = await actor("ORGANISER");
    const chosen = await invite(meeting.id, { expiresAt: "2030-05-01T18:00" });
    expect(chosen.expiresAt.toISOString()).toBe("2030-05-01T16:00:00.000Z");
    const past = await createInvitation(organiser, meeting.id, { email: "x@example.org", expiresAt: "2020-01-01T10:00" });
    expect(past).toMatchObject({ ok: false, fieldErrors: { expiresAt: [expect.any(String)] } });
    const after = await createInvitation(organiser, meeting.id, { email: "x@example.org", expiresAt: "2031-01-01T10:00" });
    expect(after).toMatchObject({ ok: false, fieldErrors: { expiresAt: [expect.any(String)] } });
    const nonsense = await createInvitation(organiser, meeting.id, { email: "x@example.org", expiresAt: "soon" });
    expect(nonsense).toMatchObject({ ok: false, fieldErrors: { expiresAt: [expect.any(String)] } });
  });

  it("refuses an expired link with a page that says so and whom to ask; the organiser's list shows it expired", async () => {
    const meeting = await createMeeting({ visibility: "INVITATION", title: "Expiry Summit" });
    const { token } = await invite(meeting.id);
    expect((await loadInvitePage(token)).status).toBe(200);
    expect((await findInvitation(token))?.expired).toBe(false);

    await db.invitation.updateMany({ where: { meetingId: meeting.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await findInvitation(token))?.expired).toBe(true);
    const page = await loadInvitePage(token);
    expect(page.status).toBe(404);
    expect(page.body).toMatch(/invitation link to Expiry Summit expired on .+ Please ask the organisers \(organiser@example\.org\) for a new one/);
    const posted = await invitePage
      .action({ request: new Request(`http://convene.test/invite/${token}`, { method: "POST", body: new URLSearchParams({ name: "A" }) }), params: { token }, context: {} })
      .catch((e: unknown) => e);
    expect((posted as Response).status).toBe(404);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(0);

    const { invitations } = await listInvitations(await actor("ORGANISER"), meeting.id);
    expect(invitations[0]).toMatchObject({ expired: true });
  });

  it("treats rows from before expiry dates as expiring when registration closes", async () => {
    const meeting = await createMeeting({ visibility: "INVITATION" });
    const { token } = await invite(meeting.id);
    await db.invitation.updateMany({ where: { meetingId: meeting.id }, data: { expiresAt: null } });
    await db.meeting.update({ where: { id: meeting.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
    expect((await findInvitation(token))?.expired).toBe(true);
  });
});
