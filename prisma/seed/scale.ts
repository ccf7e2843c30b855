import crypto from "node:crypto";
import type { AgendaItemKind, AgendaPersonRole, RecommendationStatus, RegistrationStatus } from "~/generated/prisma/enums.ts";
import { db, type Prisma } from "~/utils/db.server";
import { fromLocalInput } from "~/utils/dates";
import { COUNTRY_CODES, countryName } from "~/domain/agencies/countries";

// A large, realistic data set for performance work: `npm run seed -- --scale N`.
// N = 1: ~180 more agencies, 30 series, 3,000 meetings with agendas and delegations, 100,000
// registrations and 20,000 recommendations. Rows go in with createMany in chunks; ids are made here so
// rows can point at each other without reading them back.

const CHUNK = 500;
const ZONES = ["Europe/Brussels", "Europe/Paris", "Europe/Berlin", "Europe/Warsaw", "Europe/Riga", "Europe/London", "Europe/Rome", "Europe/Madrid", "Europe/Athens", "Europe/Vienna", "Africa/Tunis", "Asia/Amman"];
const CITIES: Record<string, string> = {
  "Europe/Brussels": "Brussels", "Europe/Paris": "Paris", "Europe/Berlin": "Berlin", "Europe/Warsaw": "Warsaw", "Europe/Riga": "Riga",
  "Europe/London": "London", "Europe/Rome": "Rome", "Europe/Madrid": "Madrid", "Europe/Athens": "Athens", "Europe/Vienna": "Vienna",
  "Africa/Tunis": "Tunis", "Asia/Amman": "Amman",
};
const TOPICS = ["Document fraud", "Migrant smuggling", "Return and readmission", "Border surveillance", "Trafficking in human beings", "Visa policy", "Biometrics", "Data protection in border management", "Search and rescue", "Asylum procedures", "Integrated border management", "Labour migration"];
const FIRST = ["Anna", "Jan", "Maria", "Piotr", "Sofia", "Luca", "Emma", "Lukas", "Ines", "Tomas", "Elena", "Mikko", "Ilze", "Jonas", "Marta", "Nikos", "Clara", "Omar", "Leila", "David", "Sara", "Ivan", "Eva", "Hugo"];
const LAST = ["Novak", "Kowalski", "Rossi", "Dubois", "Müller", "García", "Papadopoulos", "Berzins", "Virtanen", "Jansen", "Horvat", "Silva", "Nielsen", "Ionescu", "Kazlauskas", "Petrov", "Fischer", "Martin", "Haddad", "Mansour"];
const REC_STATUSES: RecommendationStatus[] = ["PROPOSED", "ADOPTED", "ADOPTED", "IN_PROGRESS", "IN_PROGRESS", "IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "NOT_ADOPTED"];
const REG_STATUSES: RegistrationStatus[] = ["CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "PENDING", "WAITLISTED", "CANCELLED", "DECLINED"];

/** A small deterministic generator, so two runs make the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export async function seedScale(n: number) {
  const scale = Math.max(1, Math.min(20, Math.floor(n)));
  if (await db.meeting.findFirst({ where: { slug: { startsWith: "scale-" } }, select: { id: true } })) {
    return { skipped: true, agencies: 0, series: 0, meetings: 0, agendaItems: 0, registrations: 0, recommendations: 0 };
  }
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const run = Date.now().toString(36);

  // Agencies: three national services for each of 60 countries.
  const countries = COUNTRY_CODES.filter((c) => !["AQ", "BV", "HM", "UM"].includes(c)).slice(0, 60);
  const agencies = countries.flatMap((c, i) =>
    ["Border Guard", "Immigration Service", "National Police"].map((kind, k) => ({
      id: `scale-ag-${i}-${k}`,
      name: `${countryName(c)} ${kind}`,
      acronym: `${c}-${kind.split(" ").map((w) => w[0]).join("")}`,
      kind: "NATIONAL_AUTHORITY" as const,
      country: c,
    })),
  );
  const existingNames = new Set((await db.agency.findMany({ select: { name: true } })).map((a) => a.name));
  const newAgencies = agencies.filter((a) => !existingNames.has(a.name));
  await inChunks(newAgencies, (chunk) => db.agency.createMany({ data: chunk }));
  const agencyIds = (await db.agency.findMany({ select: { id: true } })).map((a) => a.id);

  // Series, each with 5–12 member agencies.
  const seriesCount = 30 * scale;
  const series = Array.from({ length: seriesCount }, (_, i) => ({
    id: `scale-se-${i}`,
    slug: `scale-${pad(i, 3)}-${slugPart(TOPICS[i % TOPICS.length])}-working-group`,
    name: `${TOPICS[i % TOPICS.length]} working group ${Math.floor(i / TOPICS.length) + 1}`,
    description: `Standing expert group on ${TOPICS[i % TOPICS.length].toLowerCase()}.`,
  }));
  await inChunks(series, (chunk) => db.series.createMany({ data: chunk }));
  const members = series.flatMap((s) => {
    const set = new Set<string>();
    const count = 5 + Math.floor(rand() * 8);
    while (set.size < count) set.add(pick(agencyIds));
    return [...set].map((agencyId) => ({ seriesId: s.id, agencyId }));
  });
  await inChunks(members, (chunk) => db.seriesMember.createMany({ data: chunk }));

  // Meetings from 2016 to 2030, one-day or two-day, with an agenda and delegations.
  const meetingCount = 3000 * scale;
  const now = Date.now();
  const meetings: (Prisma.MeetingCreateManyInput & { id: string; startsAt: Date; endsAt: Date; status: string })[] = [];
  const items: { id: string; meetingId: string; parentId: string | null; kind: AgendaItemKind; title: string; room: string; startsAt: Date; endsAt: Date; position: number }[] = [];
  const people: { agendaItemId: string; name: string; agencyId: string; role: AgendaPersonRole }[] = [];
  const delegations: { id: string; meetingId: string; agencyId: string; quota: number }[] = [];
  const meetingAgencies: string[][] = [];
  for (let i = 0; i < meetingCount; i++) {
    const zone = pick(ZONES);
    const year = 2016 + Math.floor(rand() * 15);
    const day = `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    const days = rand() < 0.3 ? 2 : 1;
    const startsAt = fromLocalInput(`${day}T09:00`, zone)!;
    const endsAt = new Date(fromLocalInput(`${day}T17:00`, zone)!.getTime() + (days - 1) * 86_400_000);
    const past = endsAt.getTime() < now;
    const r = rand();
    const status = past ? (r < 0.05 ? "CANCELLED" : r < 0.5 ? "ARCHIVED" : "HELD") : r < 0.1 ? "DRAFT" : r < 0.15 ? "CANCELLED" : r < 0.3 ? "REGISTRATION_CLOSED" : "PUBLISHED";
    const s = series[i % seriesCount];
    const topic = TOPICS[(i * 7) % TOPICS.length];
    const id = `scale-me-${i}`;
    meetings.push({
      id,
      slug: `scale-${pad(i, 5)}-${slugPart(topic)}-${CITIES[zone].toLowerCase().replace(/\W+/g, "-")}-${year}`,
      title: `${topic}: expert meeting in ${CITIES[zone]} (${year})`,
      description: `Expert meeting of the ${s.name} on ${topic.toLowerCase()}.`,
      seriesId: rand() < 0.8 ? s.id : null,
      venue: "Conference centre",
      room: `Room ${1 + Math.floor(rand() * 9)}`,
      city: CITIES[zone],
      timeZone: zone,
      startsAt,
      endsAt,
      format: pick(["IN_PERSON", "IN_PERSON", "HYBRID", "ONLINE"]),
      onlineLink: `https://meet.example.org/${run}-${i}`,
      languages: pick(["en", "en,fr", "en,fr,de"]),
      capacity: 40 + Math.floor(rand() * 80),
      visibility: rand() < 0.7 ? "PUBLIC" : "INVITATION",
      status,
      organiserName: "Convene secretariat",
      organiserEmail: "secretariat@example.org",
      fundingProgramme: rand() < 0.5 ? "EU ARGO programme" : "",
      agendaPublishedAt: status === "DRAFT" ? null : new Date(startsAt.getTime() - 30 * 86_400_000),
      approvalMode: rand() < 0.5 ? "AUTOMATIC" : "APPROVAL",
      retentionDays: 365,
    });
    let position = 0;
    for (let d = 0; d < days; d++) {
      const base = startsAt.getTime() + d * 86_400_000;
      const slots: [AgendaItemKind, number, number][] = [["PLENARY", 0, 30], ["SESSION", 30, 120], ["BREAK", 120, 135], ["PANEL", 135, 210], ["BREAK", 210, 270], ["SESSION", 270, 420], ["PLENARY", 420, 480]];
      for (const [kind, from, to] of slots) {
        const itemId = `${id}-it-${position}`;
        items.push({
          id: itemId, meetingId: id, parentId: null, kind, position: position++, room: "",
          title: kind === "BREAK" ? (from === 120 ? "Coffee break" : "Lunch") : `${kind === "PANEL" ? "Panel" : "Session"}: ${pick(TOPICS)}`,
          startsAt: new Date(base + from * 60_000), endsAt: new Date(base + to * 60_000),
        });
        if (kind !== "BREAK") for (let p = 0; p < 2; p++) people.push({ agendaItemId: itemId, name: `${pick(FIRST)} ${pick(LAST)}`, agencyId: pick(agencyIds), role: p === 0 && kind === "PANEL" ? "MODERATOR" : "SPEAKER" });
      }
    }
    const set = new Set<string>();
    while (set.size < 5) set.add(pick(agencyIds));
    meetingAgencies.push([...set]);
    for (const agencyId of set) delegations.push({ id: `${id}-de-${delegations.length}`, meetingId: id, agencyId, quota: 4 });
  }
  await inChunks(meetings, (chunk) => db.meeting.createMany({ data: chunk }));
  await inChunks(items, (chunk) => db.agendaItem.createMany({ data: chunk }));
  await inChunks(people, (chunk) => db.agendaPerson.createMany({ data: chunk }));
  await inChunks(delegations, (chunk) => db.delegation.createMany({ data: chunk }));

  // Registrations: spread over the meetings, one per person and meeting.
  const registrationCount = 100_000 * scale;
  const perMeeting = Math.ceil(registrationCount / meetingCount);
  let made = 0;
  for (let from = 0; from < meetingCount && made < registrationCount; from += 100) {
    const batch = [];
    for (let i = from; i < Math.min(from + 100, meetingCount) && made < registrationCount; i++) {
      for (let k = 0; k < perMeeting && made < registrationCount; k++, made++) {
        const first = pick(FIRST);
        const last = pick(LAST);
        const email = `${first}.${last}.${i}.${k}@example.org`.toLowerCase();
        const status = pick(REG_STATUSES);
        const agencyId = meetingAgencies[i][k % 5];
        batch.push({
          meetingId: `scale-me-${i}`,
          agencyId,
          delegationId: `scale-me-${i}-de-${i * 5 + (k % 5)}`,
          name: `${first} ${last}`,
          email,
          emailNormalised: email,
          jobTitle: pick(["Border guard officer", "Policy officer", "Analyst", "Head of unit", "Liaison officer"]),
          status,
          waitlistRank: status === "WAITLISTED" ? k : null,
          consentAt: meetings[i].startsAt,
          consentNoticeVersion: "2026-01",
          manageTokenHash: crypto.createHash("sha256").update(`${run}:${i}:${k}`).digest("hex"),
          attendance: meetings[i].endsAt.getTime() < now && status === "CONFIRMED" ? (rand() < 0.9 ? ("ATTENDED" as const) : ("NO_SHOW" as const)) : ("NONE" as const),
        });
      }
    }
    await inChunks(batch, (chunk) => db.registration.createMany({ data: chunk }));
  }

  // Recommendations from held meetings, with a lead agency and a status.
  const recommendationCount = 20_000 * scale;
  const held = meetings.map((m, i) => ({ m, i })).filter(({ m }) => m.status === "HELD" || m.status === "ARCHIVED");
  const recs = [];
  for (let r = 0; r < recommendationCount; r++) {
    const { m, i } = held[r % held.length];
    const status = pick(REC_STATUSES);
    const startsAt = m.startsAt;
    recs.push({
      code: `SC-${pad(i, 5)}-${pad(Math.floor(r / held.length) + 1, 3)}`,
      title: `${pick(["Improve", "Strengthen", "Harmonise", "Extend", "Review"])} ${pick(TOPICS).toLowerCase()} cooperation`,
      text: "Member services should share information faster and agree on common indicators.",
      meetingId: m.id,
      leadAgencyId: meetingAgencies[i][r % 5],
      priority: pick(["HIGH", "MEDIUM", "MEDIUM", "LOW"] as const),
      dueDate: new Date(startsAt.getTime() + 365 * 86_400_000),
      status,
      progress: status === "IMPLEMENTED" ? 100 : status === "IN_PROGRESS" || status === "PARTIALLY_IMPLEMENTED" ? 20 + Math.floor(rand() * 60) : 0,
      closedAt: ["IMPLEMENTED", "NOT_IMPLEMENTED", "PARTIALLY_IMPLEMENTED"].includes(status) ? new Date(startsAt.getTime() + 300 * 86_400_000) : null,
      closingEvidence: status === "IMPLEMENTED" ? "Implementation report, https://docs.example.org/report" : "",
    });
  }
  await inChunks(recs, (chunk) => db.recommendation.createMany({ data: chunk }));

  return { skipped: false, agencies: newAgencies.length, series: seriesCount, meetings: meetingCount, agendaItems: items.length, registrations: made, recommendations: recs.length };
}

function slugPart(text: string) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
