import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import type { Actor, Role } from "~/domain/auth/roles";
import { createAgency, createMeeting, createUser } from "~/test/factories";
import { registerPerson } from "~/test/factories.registration";
import { pdfPages } from "~/test/pdf-text";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { signFor } from "~/utils/tokens.server";
import { badgesPdf, checkInByCode, checkInCode, participantListPdf, participantsByDelegation, qrMatrix, registrationIdOfCode } from "./badges.server";
import { saveDelegation } from "./organiser.server";
import { cancelRegistration } from "./registration.server";

async function actor(role: Role, agencyId: string | null = null): Promise<Actor> {
  const u = await createUser(role, { agencyId });
  return { id: u.id, role, agencyId, name: u.name, email: u.email };
}

/** Draws the QR code's modules as pixels (4 per module, with the 4-module quiet zone) and reads it with jsQR. */
function decodeQr(matrix: boolean[][]): string | null {
  const scale = 4;
  const size = (matrix.length + 8) * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const i = (((r + 4) * scale + y) * size + (c + 4) * scale + x) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
        }
    }),
  );
  return jsQR(pixels, size, size)?.data ?? null;
}

let made = 0;

async function meetingWithPeople() {
  const n = ++made;
  const meeting = await createMeeting({ title: "Calais Group — spring session", timeZone: "Europe/Warsaw", startsAt: new Date("2030-06-03T22:30:00Z"), endsAt: new Date("2030-06-04T06:00:00Z") });
  const pl = await createAgency({ name: `Straż Graniczna ${n}`, acronym: `SG${n}` });
  const gr = await createAgency({ name: `Ελληνική Αστυνομία ${n}`, acronym: `HP${n}` });
  const a = await registerPerson(meeting.id, pl.id, { person: { name: "Łukasz Ørsted" } });
  const b = await registerPerson(meeting.id, gr.id, { person: { name: "Ελένη Παπαδοπούλου" } });
  const c = await registerPerson(meeting.id, gr.id, { person: { name: "Ayşe Şahin", role: "SPEAKER" } });
  const organiser = await actor("ORGANISER");
  const saved = await saveDelegation(organiser, meeting.id, { agencyId: gr.id, reservedSeats: 0, headRegistrationId: c.id });
  expect(saved.ok).toBe(true);
  return { meeting, organiser, n, ids: { lukasz: a.id, eleni: b.id, ayse: c.id } };
}

describe("badges PDF", () => {
  it("is a PDF with every confirmed participant's international name, agency, role and the meeting's day in its zone", async () => {
    const { meeting, organiser } = await meetingWithPeople();
    const groups = await participantsByDelegation(organiser, meeting.id);
    const pdf = await badgesPdf(meeting, groups, "sheet", "en");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0];
    for (const s of ["Łukasz Ørsted", "Ελένη Παπαδοπούλου", "Ayşe Şahin", "Straż Graniczna", "Ελληνική Αστυνομία", "Head of delegation · Speaker", "Calais Group — spring session"]) {
      expect(text).toContain(s);
    }
    // 22:30 UTC on 3 June is already 4 June in Warsaw.
    expect(text).toContain("Tuesday 4 June 2030\n");
  });

  it("puts eight badges on an A4 sheet, or one per page", async () => {
    const { meeting, organiser } = await meetingWithPeople();
    const agency = await createAgency();
    for (let i = 0; i < 7; i++) await registerPerson(meeting.id, agency.id);
    const groups = await participantsByDelegation(organiser, meeting.id);
    expect(pdfPages(await badgesPdf(meeting, groups, "sheet", "en"))).toHaveLength(2);
    expect(pdfPages(await badgesPdf(meeting, groups, "single", "en"))).toHaveLength(10);
  });

  it("prints one registration or one delegation on request", async () => {
    const { meeting, organiser, ids } = await meetingWithPeople();
    const one = await participantsByDelegation(organiser, meeting.id, { registrationId: ids.eleni });
    expect(one.flatMap((g) => g.people.map((p) => p.name))).toEqual(["Ελένη Παπαδοπούλου"]);
    const other = await createMeeting();
    expect(await participantsByDelegation(organiser, other.id, { registrationId: ids.eleni })).toEqual([]);
  });

  it("carries a QR code that decodes to the check-in code of the registration, and nothing else", async () => {
    const { ids } = await meetingWithPeople();
    const code = checkInCode(ids.lukasz);
    const decoded = decodeQr(qrMatrix(code));
    expect(decoded).toBe(code);
    expect(registrationIdOfCode(decoded!)).toBe(ids.lukasz);
    const reg = await db.registration.findUniqueOrThrow({ where: { id: ids.lukasz }, select: { manageTokenHash: true } });
    expect(code).not.toContain(reg.manageTokenHash);
    // Signed with another purpose's key (the private link's), the same message is not a check-in code.
    const otherKey = Buffer.from(signFor(env().SESSION_SECRET, "registration-link", `checkin:${ids.lukasz}`), "base64url").toString("hex").slice(0, 16);
    expect(registrationIdOfCode(`${ids.lukasz}-${otherKey}`)).toBeNull();
  });

  it("is refused to anyone but the organisers", async () => {
    const { meeting } = await meetingWithPeople();
    for (const role of ["PARTICIPANT", "SECRETARIAT"] as const) {
      await expect(participantsByDelegation(await actor(role), meeting.id)).rejects.toMatchObject({ status: 403 });
      await expect(checkInByCode(await actor(role), meeting.id, "x", "en")).rejects.toMatchObject({ status: 403 });
    }
  });
});

describe("participant list by delegation", () => {
  it("groups by agency with the head of delegation first and marked", async () => {
    const { meeting, organiser, n } = await meetingWithPeople();
    const groups = await participantsByDelegation(organiser, meeting.id);
    expect(groups.map((g) => g.agency?.acronym).sort()).toEqual([`HP${n}`, `SG${n}`]);
    const greek = groups.find((g) => g.agency?.acronym === `HP${n}`)!;
    expect(greek.people.map((p) => [p.name, p.head])).toEqual([
      ["Ayşe Şahin", true],
      ["Ελένη Παπαδοπούλου", false],
    ]);
    const text = pdfPages(await participantListPdf(meeting, groups, "en")).join("\n");
    expect(text).toContain(`HP${n} — Ελληνική Αστυνομία ${n} (2)`);
    expect(text.indexOf("Ayşe Şahin")).toBeLessThan(text.indexOf("Ελένη Παπαδοπούλου"));
    expect(text).toContain("Head of delegation");
  });
});

describe("in French", () => {
  it("badges, the participant list and scan messages use the reader's language; names stay as they are", async () => {
    const { meeting, organiser, ids, n } = await meetingWithPeople();
    const groups = await participantsByDelegation(organiser, meeting.id);
    const badges = pdfPages(await badgesPdf(meeting, groups, "sheet", "fr"))[0];
    expect(badges).toContain("Chef de délégation · Intervenant");
    expect(badges).toContain("mardi 4 juin 2030\n");
    expect(badges).not.toContain("Head of delegation");
    const list = pdfPages(await participantListPdf(meeting, groups, "fr")).join("\n");
    for (const s of ["Participants par délégation", "Signature", "Chef de délégation", "Délégué", `HP${n} — Ελληνική Αστυνομία ${n} (2)`]) expect(list).toContain(s);
    expect(await checkInByCode(organiser, meeting.id, "  ", "fr")).toEqual({ ok: false, message: "Scannez un badge ou saisissez son code." });
    await cancelRegistration(ids.lukasz, null);
    const cancelled = await checkInByCode(organiser, meeting.id, checkInCode(ids.lukasz), "fr");
    expect(!cancelled.ok && cancelled.message).toBe("Łukasz Ørsted n’est pas un participant confirmé (inscription annulée) : non enregistré.");
  });
});

describe("check-in by code", () => {
  it("checks the person in once; a second scan says when", async () => {
    const { meeting, organiser, ids, n } = await meetingWithPeople();
    const first = await checkInByCode(organiser, meeting.id, `  ${checkInCode(ids.eleni).toUpperCase()}\n`, "en");
    expect(first).toMatchObject({ ok: true, already: false, name: "Ελένη Παπαδοπούλου", agency: `HP${n}` });
    const reg = await db.registration.findUniqueOrThrow({ where: { id: ids.eleni }, select: { attendance: true, checkedInAt: true } });
    expect(reg.attendance).toBe("ATTENDED");
    const second = await checkInByCode(organiser, meeting.id, checkInCode(ids.eleni), "en");
    expect(second).toMatchObject({ ok: true, already: true });
    expect(second.ok && second.checkedInAt.getTime()).toBe(reg.checkedInAt!.getTime());
    expect(await db.auditLog.count({ where: { entityId: ids.eleni, action: "attendance" } })).toBe(1);
  });

  it("refuses codes of another meeting, cancelled registrations, forged and garbled codes", async () => {
    const { meeting, organiser, ids } = await meetingWithPeople();
    const other = await createMeeting({ title: "Another meeting" });
    const stranger = await registerPerson(other.id, (await createAgency()).id);
    expect(await checkInByCode(organiser, meeting.id, checkInCode(stranger.id), "en")).toEqual({ ok: false, message: "This badge is for another meeting: Another meeting." });
    await cancelRegistration(ids.lukasz, null);
    const cancelled = await checkInByCode(organiser, meeting.id, checkInCode(ids.lukasz), "en");
    expect(cancelled).toMatchObject({ ok: false });
    expect(!cancelled.ok && cancelled.message).toMatch(/not a confirmed participant \(registration cancelled\)/);
    const code = checkInCode(ids.eleni);
    const forged = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
    for (const bad of [forged, ids.eleni, "<script>", "x".repeat(5000)]) expect(await checkInByCode(organiser, meeting.id, bad, "en")).toMatchObject({ ok: false });
    expect(await checkInByCode(organiser, meeting.id, "  ", "en")).toEqual({ ok: false, message: "Scan a badge or type its code." });
    const regs = await db.registration.findMany({ where: { meetingId: meeting.id }, select: { attendance: true } });
    expect(regs.every((r) => r.attendance === "NONE")).toBe(true);
  });
});
