import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import type { Actor, Role } from "~/domain/auth/roles";
import { createAgency, createMeeting, createUser } from "~/test/factories";
import { createDelegation, registerPerson } from "~/test/factories.registration";
import {
  addParticipant,
  checkInList,
  createInvitation,
  delegationMembers,
  findInvitation,
  importCsv, summariseImport,
  listDelegations,
  listInvitations,
  participantList,
  registerDelegates,
  revokeInvitation,
  saveDelegation,
  setAttendance,
  setHeadOfDelegation,
} from "./organiser.server";
import { exportCsv, listRegistrations } from "./listing.server";
import { runRetention } from "./retention.server";
import { decideRegistrations, fillFromWaitlist, findByToken } from "./registration.server";
import { refusalMessages } from "~/utils/forms.server";

async function actor(role: Role, agencyId: string | null = null): Promise<Actor> {
  const u = await createUser(role, { agencyId });
  return { id: u.id, role, agencyId, name: u.name, email: u.email };
}

const refused = async (fn: () => unknown, status: number) => {
  try {
    await fn();
  } catch (e) {
    expect((e as Response).status).toBe(status);
    return;
  }
  throw new Error("expected a refusal");
};

describe("access", () => {
  it("refuses participants and the secretariat, and limits a focal point to their agency", async () => {
    const meeting = await createMeeting();
    const mine = await createAgency();
    const theirs = await createAgency();
    await registerPerson(meeting.id, mine.id, { person: { name: "Own Delegate" } });
    await registerPerson(meeting.id, theirs.id, { person: { name: "Foreign Delegate", email: "foreign@example.org" } });
    await refused(async () => listRegistrations(await actor("PARTICIPANT"), meeting.id, new URL("http://x/")), 403);
    await refused(async () => listRegistrations(await actor("SECRETARIAT"), meeting.id, new URL("http://x/")), 403);
    await refused(async () => listRegistrations(await actor("FOCAL_POINT", null), meeting.id, new URL("http://x/")), 403);
    const focal = await actor("FOCAL_POINT", mine.id);
    const url = new URL("http://x/?q=foreign");
    expect((await listRegistrations(focal, meeting.id, url)).rows).toHaveLength(0);
    const all = await listRegistrations(focal, meeting.id, new URL("http://x/"));
    expect(all.rows.map((r) => r.name)).toEqual(["Own Delegate"]);
    expect(all.agencyCounts.map((a) => a.id)).toEqual([mine.id]);
    const csv = await exportCsv(focal, meeting.id, new URL("http://x/?col=name&col=email"), "en");
    expect(csv).not.toContain("foreign@example.org");
    const organiser = await actor("ORGANISER");
    expect((await listRegistrations(organiser, meeting.id, new URL("http://x/?sort=name&dir=desc"))).rows.map((r) => r.name)).toEqual(["Own Delegate", "Foreign Delegate"]);
  });
});

describe("CSV", () => {
  it("exports chosen columns with formula cells neutralised", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency({ country: "LV" });
    await registerPerson(meeting.id, agency.id, { person: { name: "=HYPERLINK(\"http://evil\")", jobTitle: "+Chief" } });
    const organiser = await actor("ORGANISER");
    const csv = await exportCsv(organiser, meeting.id, new URL("http://x/?col=name&col=jobTitle&col=country&col=status"), "en");
    const [header, line] = csv.trim().split("\r\n");
    expect(header).toBe("Name,Job title,Country,Status");
    expect(line).toBe(`"'=HYPERLINK(""http://evil"")",'+Chief,LV,Confirmed`);
  });

  it("imports rows and reports each rejected row with its reason, saving nothing for them", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting({ capacity: 10 });
    const agency = await createAgency({ acronym: "KMARX" });
    const limited = await createAgency({ acronym: "LIMX" });
    await createDelegation(meeting.id, limited.id, { quota: 1 });
    await registerPerson(meeting.id, agency.id, { person: { email: "taken@example.org" } });
    const csv = [
      "Name,Email,Agency,Job title,Role",
      "Eva Jansen,eva.jansen@example.org,KMARX,Inspector,Speaker",
      "Bad Mail,not-an-email,KMARX,,",
      "Nobody Known,nobody@example.org,Unknown Agency,,",
      "Taken Person,taken@example.org,KMARX,,",
      "Lim One,lim1@example.org,LIMX,,",
      "Lim Two,lim2@example.org,LIMX,,",
    ].join("\n");
    const res = await importCsv(organiser, meeting.id, csv, "en");
    if (!res.ok) throw new Error(refusalMessages(res).join(" "));
    expect(res.report.map((r) => [r.row, r.ok])).toEqual([[2, true], [3, false], [4, false], [5, false], [6, true], [7, false]]);
    expect(res.report[1].message).toMatch(/Bad email/);
    expect(res.report[2].message).toMatch(/Unknown agency/);
    expect(res.report[3].message).toMatch(/Duplicate/);
    expect(res.report[5].message).toMatch(/quota/i);
    // The page shows the registered rows as counts by status and lists the rejected ones.
    const summary = summariseImport(res.report);
    expect(summary.accepted).toBe(2);
    expect(summary.byStatus).toEqual([{ status: "CONFIRMED", count: 2 }]);
    expect(summary.rejected.map((r) => r.row)).toEqual([3, 4, 5, 7]);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(3);
    const eva = await db.registration.findFirstOrThrow({ where: { meetingId: meeting.id, emailNormalised: "eva.jansen@example.org" } });
    expect(eva).toMatchObject({ role: "SPEAKER", jobTitle: "Inspector", consentAt: null });
    expect(await importCsv(organiser, meeting.id, "just,a,header\n", "en")).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/needs the columns name, email, agency/)] } });
  });

  it("speaks the organiser's language: French headers and fixed values in the export, French import reasons, French role names accepted", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting();
    const agency = await createAgency({ acronym: "FRX", country: "FR" });
    await registerPerson(meeting.id, agency.id, { person: { name: "Jeanne Martin", role: "OBSERVER" } });
    const csv = await exportCsv(organiser, meeting.id, new URL("http://x/?col=name&col=role&col=status&col=attendance"), "fr");
    const [header, line] = csv.trim().split("\r\n");
    expect(header).toBe("Nom,Rôle,Statut,Présence");
    expect(line).toBe("Jeanne Martin,Observateur,Confirmée,");
    const res = await importCsv(organiser, meeting.id, ["name,email,agency,role", "Luc Petit,luc@example.org,FRX,Intervenant", "Sans Adresse,pas-une-adresse,Inconnue,"].join("\n"), "fr");
    if (!res.ok) throw new Error(refusalMessages(res).join(" "));
    expect(res.report[0]).toMatchObject({ ok: true, message: "Inscrit : confirmée." });
    expect(res.report[1].message).toBe("Adresse électronique invalide « pas-une-adresse ». Agence inconnue « Inconnue ».");
    expect(await db.registration.findFirstOrThrow({ where: { meetingId: meeting.id, emailNormalised: "luc@example.org" }, select: { role: true } })).toEqual({ role: "SPEAKER" });
    expect(await importCsv(organiser, meeting.id, "", "fr")).toMatchObject({ ok: false, fieldErrors: { file: ["Le fichier est vide."] } });
  });
});

describe("check-in", () => {
  it("marks attendance and counts present and absent per agency, never outside the scope", async () => {
    const meeting = await createMeeting();
    const a = await createAgency({ name: "Alpha Agency" });
    const b = await createAgency({ name: "Beta Agency" });
    const r1 = await registerPerson(meeting.id, a.id);
    await registerPerson(meeting.id, a.id);
    const r3 = await registerPerson(meeting.id, b.id);
    const organiser = await actor("ORGANISER");
    expect(await setAttendance(organiser, meeting.id, r1.id, "ATTENDED")).toBe(true);
    const list = await checkInList(organiser, meeting.id, "");
    expect(list).toMatchObject({ present: 1, absent: 2 });
    expect(list.perAgency).toEqual([{ name: "Alpha Agency", present: 1, absent: 1 }, { name: "Beta Agency", present: 0, absent: 1 }]);
    const focalA = await actor("FOCAL_POINT", a.id);
    expect(await setAttendance(focalA, meeting.id, r3.id, "ATTENDED")).toBe(false);
    const other = await createMeeting();
    expect(await setAttendance(organiser, other.id, r1.id, "NO_SHOW")).toBe(false);
  });
});

describe("delegations and invitations", () => {
  it("sets a quota and a head of delegation and promotes when the quota is raised", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting({ capacity: 10 });
    const agency = await createAgency();
    await createDelegation(meeting.id, agency.id, { quota: 1 });
    const head = await registerPerson(meeting.id, agency.id);
    const waiting = await registerPerson(meeting.id, agency.id);
    expect(waiting.status).toBe("WAITLISTED");
    expect(await saveDelegation(organiser, meeting.id, { agencyId: agency.id, quota: 2, reservedSeats: 0, headRegistrationId: head.id })).toEqual({ ok: true });
    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CONFIRMED");
    expect((await db.delegation.findFirstOrThrow({ where: { meetingId: meeting.id } })).headRegistrationId).toBe(head.id);
    const stranger = await registerPerson(meeting.id, (await createAgency()).id);
    expect(await saveDelegation(organiser, meeting.id, { agencyId: agency.id, reservedSeats: 0, headRegistrationId: stranger.id })).toMatchObject({ ok: false, fieldErrors: { headRegistrationId: [expect.any(String)] } });
  });

  it("lets a focal point name the head of their own delegation only", async () => {
    const meeting = await createMeeting();
    const mine = await createAgency();
    const theirs = await createAgency();
    const own = await registerPerson(meeting.id, mine.id);
    const foreign = await registerPerson(meeting.id, theirs.id);
    const focal = await actor("FOCAL_POINT", mine.id);
    expect(await setHeadOfDelegation(focal, meeting.id, foreign.id)).toBe(false);
    expect(await setHeadOfDelegation(focal, meeting.id, own.id)).toBe(true);
    const d = await db.delegation.findFirstOrThrow({ where: { meetingId: meeting.id, agencyId: mine.id } });
    expect(d.headRegistrationId).toBe(own.id);
    expect((await db.registration.findUniqueOrThrow({ where: { id: own.id } })).delegationId).toBe(d.id);
  });

  it("lets only organisers import, manage delegations and invitations, decide and fill seats; only a focal point registers a delegation", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const invitation = await createInvitation(await actor("ORGANISER"), meeting.id, { agencyId: agency.id });
    expect(invitation.ok).toBe(true);
    const inv = await db.invitation.findFirstOrThrow({ where: { meetingId: meeting.id }, select: { id: true } });
    const person = { name: "Nobody Added", email: "nobody.added@example.org", agencyId: agency.id };
    const delegate = { name: "Nobody Nominated", email: "nobody.nominated@example.org" };
    for (const who of [await actor("SECRETARIAT"), await actor("FOCAL_POINT", agency.id), await actor("PARTICIPANT")]) {
      await refused(() => importCsv(who, meeting.id, "name,email,agency\nA B,ab@example.org,X", "en"), 403);
      await refused(() => listDelegations(who, meeting.id), 403);
      await refused(() => delegationMembers(who, meeting.id, agency.id), 403);
      await refused(() => saveDelegation(who, meeting.id, { agencyId: agency.id, quota: 0, reservedSeats: 0 }), 403);
      await refused(() => listInvitations(who, meeting.id), 403);
      await refused(() => createInvitation(who, meeting.id, { agencyId: agency.id }), 403);
      await refused(() => revokeInvitation(who, meeting.id, inv.id), 403);
      await refused(() => addParticipant(who, meeting.id, person), 403);
      await refused(() => decideRegistrations(who, meeting.id, [], "decline"), 403);
      await refused(() => fillFromWaitlist(who, meeting.id), 403);
    }
    for (const who of [await actor("ORGANISER"), await actor("SECRETARIAT"), await actor("FOCAL_POINT", null)]) {
      await refused(() => registerDelegates(who, meeting.id, [{ index: 0, person: delegate }]), 403);
    }
    expect(await db.delegation.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await db.invitation.count({ where: { meetingId: meeting.id, revokedAt: { not: null } } })).toBe(0);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("creates an emailed invitation link that resolves until revoked", async () => {
    const organiser = await actor("ORGANISER");
    const meeting = await createMeeting({ visibility: "INVITATION" });
    const res = await createInvitation(organiser, meeting.id, { email: "guest@example.org" });
    if (!res.ok) throw new Error(refusalMessages(res).join(" "));
    const token = res.url.split("/invite/")[1];
    expect((await findInvitation(token))?.email).toBe("guest@example.org");
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "registration-invitation", toEmail: "guest@example.org" } });
    expect(mail.text).toContain(res.url);
    await db.invitation.updateMany({ where: { meetingId: meeting.id }, data: { revokedAt: new Date() } });
    expect(await findInvitation(token)).toBeNull();
  });
});

describe("participant list", () => {
  it("shows only consenting confirmed people, only to confirmed participants, only when the meeting shares it", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const viewer = await actor("PARTICIPANT");
    await registerPerson(meeting.id, agency.id, { person: { email: viewer.email, name: "Viewer Person" } });
    await registerPerson(meeting.id, agency.id, { person: { name: "Consenting Person", listConsent: true } });
    await registerPerson(meeting.id, agency.id, { person: { name: "Private Person", listConsent: false } });
    await refused(() => participantList(meeting.slug, viewer), 403);
    await db.meeting.update({ where: { id: meeting.id }, data: { participantListVisible: true } });
    expect((await participantList(meeting.slug, viewer)).people.map((p) => p.name)).toEqual(["Consenting Person"]);
    await refused(async () => participantList(meeting.slug, await actor("PARTICIPANT")), 403);
  });
});

describe("retention", () => {
  it("anonymises registrations once the retention period after the meeting has passed", async () => {
    const agency = await createAgency();
    const past = await createMeeting({ startsAt: new Date("2030-01-10T08:00:00Z"), endsAt: new Date("2030-01-10T16:00:00Z") });
    const kept = await createMeeting({ startsAt: new Date("2030-03-01T08:00:00Z"), endsAt: new Date("2030-03-01T16:00:00Z") });
    await db.meeting.updateMany({ where: { id: { in: [past.id, kept.id] } }, data: { retentionDays: 30 } });
    const r = await registerPerson(past.id, agency.id, { person: { name: "Lena Kraus", dietary: "Halal" } });
    await registerPerson(kept.id, agency.id);
    const res = await runRetention(new Date("2030-02-15T00:00:00Z"));
    expect(res).toMatchObject({ meetings: 1, registrations: 1 });
    const row = await db.registration.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ name: "Anonymised participant", dietary: "", status: "CONFIRMED" });
    expect(row.email).not.toContain("example.org");
    expect(row.anonymisedAt).not.toBeNull();
    expect(await findByToken(r.token)).toBeNull();
    expect(await db.registration.count({ where: { meetingId: kept.id, anonymisedAt: null } })).toBe(1);
    expect(await runRetention(new Date("2030-02-15T00:00:00Z"))).toMatchObject({ meetings: 0, registrations: 0 });
  });
});
