import { describe, expect, it } from "vitest";
import { db, dialect } from "~/utils/db.server";
import { tFor } from "~/i18n/i18n.server";
import { reasonText } from "./labels";
import { createAgency, createMeeting, createUser } from "~/test/factories";
import { createDelegation, personFor, registerPerson } from "~/test/factories.registration";
import {
  cancelByToken,
  cancelRegistration,
  checkSeat,
  decideRegistrations,
  findByToken,
  personalDataExport,
  register,
  registerMany,
  registrationPanel,
  updateDetailsByToken,
} from "./registration.server";
import { actor } from "~/test/factories.recommendations";
import { renderQueuedMail } from "~/test/factories.mail";

const statusOf = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;

describe("seat allocation under load", () => {
  it("confirms exactly 50 of 200 concurrent registrations and waitlists the rest in order", async () => {
    const meeting = await createMeeting({ capacity: 50 });
    const agency = await createAgency();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        register({ meetingId: meeting.id, person: personFor(agency.id, { name: `Load ${String(i).padStart(3, "0")}` }), consent: true, source: "SELF", overQuota: "waitlist" }),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status === "CONFIRMED")).toHaveLength(50);
    const waitlisted = rows.filter((r) => r.status === "WAITLISTED");
    expect(waitlisted).toHaveLength(150);
    // In the order the allocations happened: the first 50 hold the seats, ranks 1..150 follow, no gaps or duplicates.
    expect(rows.slice(0, 50).every((r) => r.status === "CONFIRMED")).toBe(true);
    expect(waitlisted.map((r) => r.waitlistRank)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    // Submission order: one SQLite connection takes the transactions in call order. PostgreSQL runs
    // them on several connections, so the lock decides the order there (asserted above).
    if (dialect() === "sqlite") expect(rows.map((r) => r.name)).toEqual(Array.from({ length: 200 }, (_, i) => `Load ${String(i).padStart(3, "0")}`));
    expect(await db.registrationEvent.count({ where: { registration: { meetingId: meeting.id } } })).toBe(200);
    expect(await db.outboxMessage.count({ where: { meetingId: meeting.id, kind: "registration-confirmed" } })).toBe(50);
    expect(await db.outboxMessage.count({ where: { meetingId: meeting.id, kind: "registration-waitlisted" } })).toBe(150);
  }, 120_000);
});

describe("seat invariants under mixed load", () => {
  it("never overbooks while cancellations, declines and registrations run at once", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting({ capacity: 10 });
    const agency = await createAgency();
    const first = [];
    for (let i = 0; i < 20; i++) first.push(await registerPerson(meeting.id, agency.id));
    const confirmed = first.filter((r) => r.status === "CONFIRMED");
    await Promise.all([
      ...confirmed.slice(0, 4).map((r) => cancelRegistration(r.id, null)),
      decideRegistrations(organiser, meeting.id, confirmed.slice(4, 6).map((r) => r.id), "decline"),
      ...Array.from({ length: 15 }, () => registerPerson(meeting.id, agency.id)),
    ]);
    const rows = await db.registration.findMany({ where: { meetingId: meeting.id } });
    expect(rows.filter((r) => r.status === "CONFIRMED")).toHaveLength(10);
    const ranks = rows.map((r) => r.waitlistRank).filter((x): x is number => x !== null);
    expect(new Set(ranks).size).toBe(ranks.length);
    // Six seats freed: the six longest-waiting people were promoted, in order.
    const promoted = rows.filter((r) => r.status === "CONFIRMED" && r.waitlistRank !== null).map((r) => r.waitlistRank);
    expect(promoted.sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await db.registrationEvent.count({ where: { registration: { meetingId: meeting.id }, reason: "registrations:reason.promoted" } })).toBe(6);
  }, 60_000);
});

describe("register", () => {
  it("confirms with a calendar invite and a private link, and refuses the same address twice", async () => {
    const meeting = await createMeeting({ capacity: 10 });
    const agency = await createAgency();
    const r = await registerPerson(meeting.id, agency.id, { person: { email: "Anna.Berg@Example.org" } });
    expect(r.status).toBe("CONFIRMED");
    await renderQueuedMail(meeting.id);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { registrationId: r.id } });
    expect(mail.kind).toBe("registration-confirmed");
    expect(mail.icsMethod).toBe("REQUEST");
    expect(mail.essential).toBe(true);
    expect(mail.text).toContain(`/registrations/${r.token}`);
    expect(mail.text).toContain("Europe/Brussels");
    const reg = await db.registration.findUniqueOrThrow({ where: { id: r.id } });
    expect(reg.manageTokenHash).not.toContain(r.token);
    expect(reg.consentNoticeVersion).toBe("2026-01");
    expect(reg.consentAt).not.toBeNull();
    const again = await register({ meetingId: meeting.id, person: personFor(agency.id, { email: " anna.berg@example.org" }), consent: true, source: "SELF", overQuota: "waitlist" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] }, reason: "duplicate" });
  });

  it("lets a person who cancelled register again: the same registration reopens, with the same private link", async () => {
    const meeting = await createMeeting({ capacity: 1 });
    const agency = await createAgency();
    const first = await registerPerson(meeting.id, agency.id, { person: { email: "back.again@example.org" } });
    expect((await cancelRegistration(first.id, null)).ok).toBe(true);
    // The seat it held is free again: someone else takes it meanwhile.
    const other = await registerPerson(meeting.id, agency.id);
    expect(other.status).toBe("CONFIRMED");
    const again = await register({ meetingId: meeting.id, person: personFor(agency.id, { email: "Back.Again@example.org", name: "Back Again" }), consent: true, source: "SELF", overQuota: "waitlist" });
    expect(again).toMatchObject({ ok: true, id: first.id, status: "WAITLISTED" });
    const reg = await db.registration.findUniqueOrThrow({ where: { id: first.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(reg).toMatchObject({ name: "Back Again", status: "WAITLISTED", inviteWithdrawals: 1 });
    expect(reg.events.map((e) => `${e.fromStatus ?? "-"}>${e.toStatus}`)).toEqual(["->CONFIRMED", "CONFIRMED>CANCELLED", "CANCELLED>WAITLISTED"]);
    // The history's reasons are keys, shown in the reader's language; a reason stored before keys stays as written.
    expect(reg.events.map((e) => e.reason)).toEqual(["registrations:reason.registered", "registrations:reason.cancelled", "registrations:reason.registeredAgain"]);
    expect(reasonText(tFor("fr"), reg.events[2].reason)).toBe("Nouvelle inscription");
    expect(reasonText(tFor("en"), "registrations:reason.nominated; registrations:reason.quotaReached")).toBe("Nominated by the agency focal point; agency quota reached");
    expect(reasonText(tFor("fr"), "Cancelled by phone")).toBe("Cancelled by phone");
    if (!again.ok) throw new Error("registered");
    expect(again.token).toBe(first.token);
    expect(await findByToken(first.token)).toMatchObject({ id: first.id, status: "WAITLISTED" });
    // Still one registration per address: a second attempt while it is live is refused.
    const third = await register({ meetingId: meeting.id, person: personFor(agency.id, { email: "back.again@example.org" }), consent: true, source: "SELF", overQuota: "waitlist" });
    expect(third).toMatchObject({ ok: false, reason: "duplicate" });
  });

  it("refuses without consent, outside the window, for unknown agencies and for invitation-only meetings", async () => {
    const agency = await createAgency();
    const meeting = await createMeeting();
    const base = { meetingId: meeting.id, source: "SELF" as const, overQuota: "waitlist" as const };
    expect(await register({ ...base, person: personFor(agency.id), consent: false })).toMatchObject({ ok: false, fieldErrors: { consent: [expect.any(String)] } });
    expect(await register({ ...base, person: personFor("nope"), consent: true })).toMatchObject({ ok: false, fieldErrors: { agencyId: [expect.any(String)] } });
    await db.meeting.update({ where: { id: meeting.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
    expect(await register({ ...base, person: personFor(agency.id), consent: true })).toMatchObject({ ok: false, reason: "closed" });
    await db.meeting.update({ where: { id: meeting.id }, data: { registrationClosesAt: null, registrationOpensAt: new Date(Date.now() + 86_400_000) } });
    expect(await register({ ...base, person: personFor(agency.id), consent: true })).toMatchObject({ ok: false, reason: "closed" });
    const draft = await createMeeting({ status: "DRAFT" });
    expect(await register({ ...base, meetingId: draft.id, person: personFor(agency.id), consent: true })).toMatchObject({ ok: false, reason: "closed" });
    const invite = await createMeeting({ visibility: "INVITATION" });
    expect(await register({ ...base, meetingId: invite.id, person: personFor(agency.id), consent: true })).toMatchObject({ ok: false, reason: "invitation" });
    expect(await register({ ...base, meetingId: invite.id, person: personFor(agency.id), consent: true, source: "INVITATION" })).toMatchObject({ ok: true });
    expect(await register({ ...base, meetingId: invite.id, person: personFor(agency.id), consent: false, source: "FOCAL_POINT", overQuota: "refuse" })).toMatchObject({ ok: false, reason: "invitation" });
    await createDelegation(invite.id, agency.id);
    expect(await register({ ...base, meetingId: invite.id, person: personFor(agency.id), consent: false, source: "FOCAL_POINT", overQuota: "refuse" })).toMatchObject({ ok: true });
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("keeps pending requests in their seat in approval mode and confirms them on approval", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting({ capacity: 1, approvalMode: "APPROVAL" });
    const agency = await createAgency();
    const a = await registerPerson(meeting.id, agency.id);
    const b = await registerPerson(meeting.id, agency.id);
    expect([a.status, b.status]).toEqual(["PENDING", "WAITLISTED"]);
    await renderQueuedMail(meeting.id);
    expect(await db.outboxMessage.count({ where: { registrationId: a.id, kind: "registration-received", icsContent: null } })).toBe(1);
    const res = await decideRegistrations(organiser, meeting.id, [a.id, b.id], "approve");
    expect(res).toMatchObject({ changed: 1, skipped: 1 });
    expect(await statusOf(a.id)).toBe("CONFIRMED");
    await renderQueuedMail(meeting.id);
    expect(await db.outboxMessage.count({ where: { registrationId: a.id, kind: "registration-confirmed", icsMethod: "REQUEST" } })).toBe(1);
  });
});

describe("waiting list promotion", () => {
  it("promotes the first waitlisted person when a confirmed person cancels, with an event and mails", async () => {
    const meeting = await createMeeting({ capacity: 2 });
    const agency = await createAgency();
    const a = await registerPerson(meeting.id, agency.id);
    await registerPerson(meeting.id, agency.id);
    const w1 = await registerPerson(meeting.id, agency.id);
    const w2 = await registerPerson(meeting.id, agency.id);
    expect([w1.status, w2.status]).toEqual(["WAITLISTED", "WAITLISTED"]);
    const res = await cancelByToken(a.token);
    expect(res).toEqual({ ok: true, promoted: [w1.id] });
    expect(await statusOf(a.id)).toBe("CANCELLED");
    expect(await statusOf(w1.id)).toBe("CONFIRMED");
    expect(await statusOf(w2.id)).toBe("WAITLISTED");
    const event = await db.registrationEvent.findFirstOrThrow({ where: { registrationId: w1.id, toStatus: "CONFIRMED" } });
    expect(event).toMatchObject({ fromStatus: "WAITLISTED", reason: "registrations:reason.promoted" });
    await renderQueuedMail(meeting.id);
    const promotedMail = await db.outboxMessage.findFirstOrThrow({ where: { registrationId: w1.id, kind: "registration-promoted", icsMethod: "REQUEST" } });
    // The promotion mail carries the same private link as the first mail, and it still works.
    expect(promotedMail.text).toContain(`/registrations/${w1.token}`);
    expect((await findByToken(w1.token))?.status).toBe("CONFIRMED");
    expect(await db.outboxMessage.count({ where: { registrationId: a.id, kind: "registration-cancelled", icsMethod: "CANCEL" } })).toBe(1);
    expect(await cancelByToken(a.token)).toMatchObject({ ok: false });
  });

  it("promotes after a decline and a waitlisted person cancelling frees nothing", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting({ capacity: 1 });
    const agency = await createAgency();
    const a = await registerPerson(meeting.id, agency.id);
    const w1 = await registerPerson(meeting.id, agency.id);
    const w2 = await registerPerson(meeting.id, agency.id);
    expect((await cancelRegistration(w1.id, null)).ok).toBe(true);
    expect(await statusOf(w2.id)).toBe("WAITLISTED");
    const res = await decideRegistrations(organiser, meeting.id, [a.id], "decline");
    expect(res.promoted).toEqual([w2.id]);
    expect(await db.outboxMessage.count({ where: { registrationId: a.id, kind: "registration-declined" } })).toBe(1);
  });

  it("skips a waitlisted person whose agency is at its quota", async () => {
    const meeting = await createMeeting({ capacity: 2 });
    const full = await createAgency();
    const other = await createAgency();
    await createDelegation(meeting.id, full.id, { quota: 1 });
    const a = await registerPerson(meeting.id, full.id);
    await registerPerson(meeting.id, other.id);
    const overQuota = await registerPerson(meeting.id, full.id);
    const next = await registerPerson(meeting.id, other.id);
    expect([overQuota.status, next.status]).toEqual(["WAITLISTED", "WAITLISTED"]);
    const otherConfirmed = await db.registration.findFirstOrThrow({ where: { meetingId: meeting.id, agencyId: other.id, status: "CONFIRMED" } });
    expect((await cancelRegistration(otherConfirmed.id, null)).ok).toBe(true);
    expect(await statusOf(next.id)).toBe("CONFIRMED");
    expect(await statusOf(overQuota.id)).toBe("WAITLISTED");
    await cancelRegistration(a.id, null);
    // Freed seat of the agency at quota goes to its waitlisted member.
    expect(await statusOf(overQuota.id)).toBe("CONFIRMED");
  });
});

describe("approval mode promotion", () => {
  it("moves the first waitlisted person to pending, without a calendar invite until approved", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting({ capacity: 1, approvalMode: "APPROVAL" });
    const agency = await createAgency();
    const a = await registerPerson(meeting.id, agency.id);
    const w = await registerPerson(meeting.id, agency.id);
    await decideRegistrations(organiser, meeting.id, [a.id], "decline");
    expect(await statusOf(w.id)).toBe("PENDING");
    await renderQueuedMail(meeting.id);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { registrationId: w.id, kind: "registration-promoted" } });
    expect(mail.icsContent).toBeNull();
    expect(mail.text).toMatch(/still need to approve/);
    // A declined pending request had no calendar entry, so no CANCEL goes out.
    expect((await db.outboxMessage.findFirstOrThrow({ where: { registrationId: a.id, kind: "registration-declined" } })).icsMethod).toBeNull();
  });
});

describe("meeting page panel", () => {
  it("shows the signed-in person's status and a focal point's delegation link", async () => {
    const meeting = await createMeeting({ visibility: "INVITATION" });
    const agency = await createAgency();
    const user = await createUser("PARTICIPANT");
    expect(await registrationPanel(meeting, null)).toBeNull();
    await register({ meetingId: meeting.id, person: personFor(agency.id, { email: user.email }), consent: true, source: "INVITATION", overQuota: "waitlist" });
    expect(await registrationPanel(meeting, { ...user, agencyId: null })).toMatchObject({ mine: { status: "CONFIRMED" }, delegationLink: null, participantsLink: null });
    const focal = await createUser("FOCAL_POINT", { agencyId: agency.id });
    expect((await registrationPanel(meeting, focal))?.delegationLink).toBeNull();
    await createDelegation(meeting.id, agency.id);
    expect((await registrationPanel(meeting, focal))?.delegationLink).toBe(`/delegations/${meeting.slug}`);
  });
});

describe("quotas and reserved seats", () => {
  it("stops a focal point's delegation at the quota, all or nothing", async () => {
    const meeting = await createMeeting({ capacity: 20 });
    const agency = await createAgency();
    await createDelegation(meeting.id, agency.id, { quota: 3 });
    const row = () => ({ person: personFor(agency.id), consent: false, source: "FOCAL_POINT" as const, overQuota: "refuse" as const });
    expect((await registerMany(meeting.id, [row(), row()])).ok).toBe(true);
    const refused = await registerMany(meeting.id, [row(), row()]);
    expect(refused.ok).toBe(false);
    expect(refused.outcomes[0].ok).toBe(true);
    expect(refused.outcomes[1]).toMatchObject({ ok: false, reason: "quota" });
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(2);
    expect((await registerMany(meeting.id, [row()])).ok).toBe(true);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(3);
  });

  it("keeps reserved seats for their agency: general registrants are waitlisted, the agency still gets in", async () => {
    const meeting = await createMeeting({ capacity: 3 });
    const reserved = await createAgency();
    const general = await createAgency();
    await createDelegation(meeting.id, reserved.id, { reservedSeats: 2 });
    const g1 = await registerPerson(meeting.id, general.id);
    const g2 = await registerPerson(meeting.id, general.id);
    const r1 = await registerPerson(meeting.id, reserved.id);
    const r2 = await registerPerson(meeting.id, reserved.id);
    const r3 = await registerPerson(meeting.id, reserved.id);
    expect([g1.status, g2.status, r1.status, r2.status, r3.status]).toEqual(["CONFIRMED", "WAITLISTED", "CONFIRMED", "CONFIRMED", "WAITLISTED"]);
  });

  it("computes seats from the state alone", () => {
    const state = { capacity: 10, taken: 6, byAgency: new Map([["a", 1]]), delegations: [{ agencyId: "a", quota: 2, reservedSeats: 3 }] };
    expect(checkSeat(state, "b")).toMatchObject({ seat: true });
    expect(checkSeat({ ...state, taken: 8 }, "b")).toMatchObject({ seat: false });
    expect(checkSeat({ ...state, taken: 8 }, "a")).toMatchObject({ seat: true, quotaLeft: 1 });
    expect(checkSeat({ ...state, byAgency: new Map([["a", 2]]) }, "a")).toMatchObject({ seat: false, overQuota: true });
    expect(checkSeat({ ...state, capacity: null }, null)).toMatchObject({ seat: true });
  });
});

describe("self-service link", () => {
  it("views, edits until the deadline and exports the person's data", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const r = await registerPerson(meeting.id, agency.id, { person: { dietary: "Vegetarian" } });
    const found = await findByToken(r.token);
    expect(found?.dietary).toBe("Vegetarian");
    expect(await findByToken("not-a-token")).toBeNull();
    const details = { name: "New Name", jobTitle: "Analyst", role: "SPEAKER" as const, dietary: "", accessibility: "Step-free access", listConsent: true };
    expect(await updateDetailsByToken(r.token, details)).toEqual({ ok: true });
    expect((await findByToken(r.token))?.name).toBe("New Name");
    await db.meeting.update({ where: { id: meeting.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
    expect(await updateDetailsByToken(r.token, { ...details, name: "Late" })).toEqual({ ok: false, formErrors: ["registration:error.changesDeadline"] });
    const data = await personalDataExport(r.token);
    expect(data?.registrations[0]).toMatchObject({ name: "New Name", accessibility: "Step-free access" });
    expect(data?.registrations[0].events.length).toBe(1);
  });
});
