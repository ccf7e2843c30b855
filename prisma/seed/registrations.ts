import type { RegistrationRole } from "~/generated/prisma/enums.ts";
import { db } from "~/utils/db.server";
import { newToken } from "~/utils/tokens.server";

// Demo registrations. People are fictional; addresses use example.org. Rows are written directly
// (no status mail) but follow the registration rules: seats, quotas, reserved seats, waiting list.
//  - Brussels 2026 (held): about 40 confirmed across agencies, attendance recorded, a few cancelled.
//  - Warsaw 2027: seats reserved for four agencies and for Frontex, the general seats taken, so a
//    waiting list; Frontex has its quota of 3 left for its focal point.
//  - Calais Group sessions: member delegations with a head; the 2027 session has requests pending.

const FIRST = ["Anna", "Marco", "Sofia", "Lukas", "Elena", "Jonas", "Marta", "Pieter", "Clara", "Tomás", "Ines", "Mikko", "Laura", "Andrei", "Nina", "Jakub", "Eva", "Hugo", "Lea", "Matteo", "Zofia", "Oskar", "Irene", "Karel", "Maja", "Rui", "Helga", "Dario", "Sanne", "Viktor", "Amira", "Felix", "Greta", "Pavel", "Alba", "Nils", "Chiara", "Emil", "Rasa", "Yusuf", "Leila", "Bram", "Ilona", "Samir"];
const LAST = ["Keller", "Rossi", "Novak", "Jansen", "Dubois", "Horvat", "Kowalski", "Lindqvist", "Moreau", "Silva", "Petrov", "Virtanen", "Schmidt", "Ionescu", "Berg", "Kral", "Bianchi", "Nieminen", "Costa", "Vogel", "Mertens", "Laine", "Popa", "Wagner", "Ozols", "Kazlauskas", "Tamm", "Fischer", "Garcia", "Leclerc", "Hansen", "Marin", "Bakker", "Nowak", "Haddad", "Meyer", "Svensson", "Romano", "Evans", "Papadopoulos", "Andersen", "Ferrari", "Murphy", "Vidal"];
const JOBS = ["Border guard officer", "Head of unit", "Policy officer", "Analyst", "Liaison officer", "Senior inspector", "Programme manager", "Legal adviser", "Document expert", "Project officer"];
const DIETARY = ["", "", "", "", "Vegetarian", "", "Halal", "", "No nuts", ""];

let counter = 0;
function person(agencyKey: string) {
  const i = counter++;
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7 + 3) % LAST.length];
  const email = `${first}.${last}.${i}@example.org`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return { name: `${first} ${last}`, email, agencyKey, jobTitle: JOBS[i % JOBS.length], dietary: DIETARY[i % DIETARY.length] };
}

type SeedRow = {
  agencyKey: string;
  status: "CONFIRMED" | "PENDING" | "WAITLISTED" | "CANCELLED" | "DECLINED";
  attendance?: "ATTENDED" | "NO_SHOW";
  role?: RegistrationRole;
  waitlistRank?: number;
  /** a seeded user's own registration, so /me shows something */
  who?: { name: string; email: string };
};

const MAREK = { name: "Marek Horváth", email: "participant@example.org" };

export async function seedRegistrations(agencyIds: Map<string, string>): Promise<{ registrations: number }> {
  const meetings = new Map((await db.meeting.findMany({ select: { id: true, slug: true, startsAt: true, endsAt: true, privacyNoticeVersion: true } })).map((m) => [m.slug, m]));
  let total = 0;

  const add = async (slug: string, rows: SeedRow[]) => {
    const meeting = meetings.get(slug);
    if (!meeting) return [];
    const created: { id: string; agencyKey: string; status: string }[] = [];
    for (const [n, r] of rows.entries()) {
      const p = { ...person(r.agencyKey), ...r.who };
      const agencyId = agencyIds.get(r.agencyKey)!;
      const delegation = await db.delegation.findUnique({ where: { meetingId_agencyId: { meetingId: meeting.id, agencyId } }, select: { id: true } });
      // Spread over the registration period, never in the future (upcoming meetings are still filling).
      const end = Math.min(meeting.startsAt.getTime(), Date.now());
      const registeredAt = new Date(end - (rows.length - n) * (30 * 86_400_000) / (rows.length + 1));
      const reg = await db.registration.create({
        data: {
          meetingId: meeting.id,
          agencyId,
          delegationId: delegation?.id ?? null,
          name: p.name,
          email: p.email,
          emailNormalised: p.email,
          jobTitle: p.jobTitle,
          role: r.role ?? "DELEGATE",
          dietary: p.dietary,
          listConsent: r.who ? true : n % 3 !== 0,
          consentAt: registeredAt,
          consentNoticeVersion: meeting.privacyNoticeVersion,
          status: r.status,
          waitlistRank: r.waitlistRank ?? null,
          attendance: r.attendance ?? "NONE",
          checkedInAt: r.attendance === "ATTENDED" ? new Date(meeting.startsAt.getTime() - 15 * 60_000 + n * 20_000) : null,
          manageTokenHash: newToken().hash,
          createdAt: registeredAt,
          events: { create: { fromStatus: null, toStatus: r.status, reason: "registrations:reason.registered", createdAt: registeredAt } },
        },
      });
      created.push({ id: reg.id, agencyKey: r.agencyKey, status: r.status });
      total++;
    }
    return created;
  };

  // Brussels 2026, held: 40 confirmed (36 attended, 4 no-shows), 2 cancelled, 1 declined.
  const brusselsAgencies = ["iom-bru", "iom", "unhcr", "unodc", "frontex", "europol", "eulisa", "euaa", "dghome", "council", "be-police", "be-immigration", "lv-border", "pl-border", "sk-police", "fr-interior", "nl-kmar", "de-bpol", "icmpd", "interpol"];
  const brussels: SeedRow[] = Array.from({ length: 40 }, (_, i) => ({
    agencyKey: brusselsAgencies[i % brusselsAgencies.length],
    status: "CONFIRMED" as const,
    attendance: i % 10 === 7 ? ("NO_SHOW" as const) : ("ATTENDED" as const),
    role: i < 10 ? "SPEAKER" : i === 10 ? "RAPPORTEUR" : "DELEGATE",
  }));
  brussels[14] = { ...brussels[14], who: MAREK };
  brussels.push({ agencyKey: "uk-home", status: "CANCELLED" }, { agencyKey: "de-bpol", status: "CANCELLED" }, { agencyKey: "icmpd", status: "DECLINED" });
  await add("combating-irregular-migration-eu-2026", brussels);

  // Warsaw 2027: capacity 50. Reserved seats: 2 each for Europol, Belgian Federal Police, DG HOME and
  // the Polish Border Guard (8) and 3 for Frontex, whose quota of 3 is still unused; the other 39
  // seats are taken, so general registrants wait.
  const warsaw = meetings.get("document-fraud-expert-meeting-2027");
  if (warsaw) {
    // Its confirmed participants may see who else comes (those who agreed).
    await db.meeting.update({ where: { id: warsaw.id }, data: { participantListVisible: true } });
    for (const [key, reserved] of [["europol", 2], ["be-police", 2], ["dghome", 2], ["pl-border", 2], ["frontex", 3]] as const) {
      await db.delegation.update({ where: { meetingId_agencyId: { meetingId: warsaw.id, agencyId: agencyIds.get(key)! } }, data: { reservedSeats: reserved } });
    }
    const general = ["iom-bru", "iom", "unhcr", "unodc", "eulisa", "euaa", "council", "be-immigration", "lv-border", "sk-police", "fr-interior", "nl-kmar", "de-bpol", "uk-home", "icmpd", "interpol"];
    const rows: SeedRow[] = Array.from({ length: 39 }, (_, i) => ({ agencyKey: general[i % general.length], status: "CONFIRMED" as const, role: i < 5 ? "SPEAKER" : "DELEGATE" }));
    rows[9] = { ...rows[9], who: MAREK };
    rows.push(...Array.from({ length: 4 }, (_, i) => ({ agencyKey: general[(i + 3) % general.length], status: "WAITLISTED" as const, waitlistRank: i + 1 })));
    await add("document-fraud-expert-meeting-2027", rows);
  }

  // Calais Group: each member's delegation, its first delegate heading it.
  const members = ["fr-interior", "be-police", "nl-kmar", "de-bpol", "uk-home"];
  const sessions = ["calais-group-2024-spring", "calais-group-2024-autumn", "calais-group-2025-spring", "calais-group-2025-autumn", "calais-group-2027-spring"];
  for (const slug of sessions) {
    const upcoming = slug.endsWith("2027-spring");
    const rows: SeedRow[] = members.flatMap((key, m) =>
      Array.from({ length: 2 + (m % 2) }, (_, i) => ({
        agencyKey: key,
        status: upcoming && i === 1 ? ("PENDING" as const) : ("CONFIRMED" as const),
        attendance: upcoming ? undefined : i === 2 && m === 1 ? ("NO_SHOW" as const) : ("ATTENDED" as const),
      })),
    );
    const created = await add(slug, rows);
    const meeting = meetings.get(slug)!;
    for (const key of members) {
      const head = created.find((c) => c.agencyKey === key && c.status === "CONFIRMED");
      if (head) await db.delegation.update({ where: { meetingId_agencyId: { meetingId: meeting.id, agencyId: agencyIds.get(key)! } }, data: { headRegistrationId: head.id } });
    }
  }
  return { registrations: total };
}
