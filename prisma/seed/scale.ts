import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { db, dialect, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sortKey } from "~/utils/sort-key";
import { fromLocalInput } from "~/utils/dates";
import { COUNTRY_CODES, countryName } from "~/domain/agencies/countries";

// A large, realistic data set for performance work: `npm run seed -- --scale N`.
// N = 1: ~180 more agencies, 30 series, 3,000 meetings with agendas and delegations, 100,000
// registrations (5,000 of them for one large meeting) and 20,000 recommendations with their status
// history, and an audit entry for each meeting and recommendation. Ids are made here so rows can point at
// each other without reading them back. Everything is generated first, then written in one transaction:
// on SQLite with prepared inserts (Prisma's own row format), on PostgreSQL with createMany in big chunks
// (docs/decisions/014-scale-seed-and-bench.md).

const CHUNK = 2_000;
/** The large meeting every scale has: the registrations page is measured on it. */
export const LARGE_MEETING_SIZE = 5_000;
const ZONES = ["Europe/Brussels", "Europe/Paris", "Europe/Berlin", "Europe/Warsaw", "Europe/Riga", "Europe/London", "Europe/Rome", "Europe/Madrid", "Europe/Athens", "Europe/Vienna", "Africa/Tunis", "Asia/Amman"];
const CITIES: Record<string, string> = {
  "Europe/Brussels": "Brussels", "Europe/Paris": "Paris", "Europe/Berlin": "Berlin", "Europe/Warsaw": "Warsaw", "Europe/Riga": "Riga",
  "Europe/London": "London", "Europe/Rome": "Rome", "Europe/Madrid": "Madrid", "Europe/Athens": "Athens", "Europe/Vienna": "Vienna",
  "Africa/Tunis": "Tunis", "Asia/Amman": "Amman",
};
const TOPICS = ["Document fraud", "Migrant smuggling", "Return and readmission", "Border surveillance", "Trafficking in human beings", "Visa policy", "Biometrics", "Data protection in border management", "Search and rescue", "Asylum procedures", "Integrated border management", "Labour migration"];
const FIRST = ["Anna", "Jan", "Maria", "Piotr", "Sofia", "Luca", "Emma", "Lukas", "Ines", "Tomas", "Elena", "Mikko", "Ilze", "Jonas", "Marta", "Nikos", "Clara", "Omar", "Leila", "David", "Sara", "Ivan", "Eva", "Hugo"];
const LAST = ["Novak", "Kowalski", "Rossi", "Dubois", "Müller", "García", "Papadopoulos", "Berzins", "Virtanen", "Jansen", "Horvat", "Silva", "Nielsen", "Ionescu", "Kazlauskas", "Petrov", "Fischer", "Martin", "Haddad", "Mansour"];
const REC_STATUSES = ["PROPOSED", "ADOPTED", "ADOPTED", "IN_PROGRESS", "IN_PROGRESS", "IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "NOT_ADOPTED"];
const REG_STATUSES = ["CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "PENDING", "WAITLISTED", "CANCELLED", "DECLINED"];

/** A small deterministic generator, so two runs make the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Rows = Record<string, unknown>[];
type Batch = [table: string, rows: Rows];

const cuidLike = () => `c${crypto.randomBytes(12).toString("hex")}`;

/** Writes the batches in order, in one transaction: all the generated data or none of it. */
async function writeAll(batches: Batch[]) {
  if (dialect() === "sqlite") writeSqlite(batches);
  else await writePrisma(batches);
}

/**
 * SQLite: a connection of its own, one IMMEDIATE transaction, one prepared INSERT per table. Values are stored
 * the way Prisma's SQLite adapter stores them (dates as ISO text with +00:00, booleans as 0/1), and the ids and
 * timestamps Prisma fills in on the client are filled in here.
 */
function writeSqlite(batches: Batch[]) {
  const file = path.resolve(env().DATABASE_URL.replace(/^file:/, "").replace(/\?.*$/, ""));
  const sqlite = new Database(file, { timeout: 60_000 });
  // The generator makes every reference itself, so the per-row foreign key lookups are skipped.
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("cache_size = -262144");
  const now = new Date();
  // Dates, booleans and JSON columns as Prisma stores them on SQLite.
  const value = (v: unknown) =>
    v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v !== null && typeof v === "object" ? JSON.stringify(v) : (v ?? null);
  const fill: Record<string, () => unknown> = { id: cuidLike, createdAt: () => now, updatedAt: () => now };
  try {
    sqlite.transaction(() => {
      // Secondary indexes are dropped and built again after the inserts: building one from all the rows at
      // once is much faster than updating it row by row (the unique ones still check every row when rebuilt).
      const tables = [...new Set(batches.filter(([, rows]) => rows.length).map(([table]) => table))];
      const indexes = tables.flatMap(
        (table) => sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { name: string; sql: string }[],
      );
      for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
      for (const [table, rows] of batches) {
        if (!rows.length) continue;
        const columns = new Set((sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
        // The sort key the client extension in db.server.ts writes with every name (these inserts bypass it).
        const sorted = columns.has("sortName") && "name" in rows[0];
        const keys = [...new Set([...Object.keys(rows[0]), ...Object.keys(fill).filter((k) => columns.has(k)), ...(sorted ? ["sortName"] : [])])];
        const insert = sqlite.prepare(`INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(", ")}) VALUES (${keys.map(() => "?").join(", ")})`);
        for (const row of rows) insert.run(keys.map((k) => value(k === "sortName" && sorted ? sortKey(String(row.name)) : k in row ? row[k] : fill[k]())));
      }
      for (const index of indexes) sqlite.exec(index.sql);
    }).immediate();
  } finally {
    sqlite.close();
  }
}

/** PostgreSQL: createMany in chunks that stay under the server's 65,535 parameters per statement. */
async function writePrisma(batches: Batch[]) {
  await db.$transaction(
    async (tx) => {
      for (const [table, rows] of batches) {
        const model = (tx as unknown as Record<string, { createMany(args: { data: Rows }): Promise<unknown> }>)[table[0].toLowerCase() + table.slice(1)];
        for (let i = 0; i < rows.length; i += CHUNK) await model.createMany({ data: rows.slice(i, i + CHUNK) });
      }
    },
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export async function seedScale(n: number) {
  const scale = Math.max(1, Math.min(20, Math.floor(n)));
  if (await db.meeting.findFirst({ where: { slug: { startsWith: "scale-" } }, select: { id: true } })) {
    return { skipped: true, agencies: 0, series: 0, meetings: 0, agendaItems: 0, registrations: 0, recommendations: 0, statusChanges: 0, auditEntries: 0, generatedMs: 0, writtenMs: 0 };
  }
  const startedAt = Date.now();
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
      kind: "NATIONAL_AUTHORITY",
      country: c,
    })),
  );
  const existing = await db.agency.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } });
  const existingNames = new Set(existing.map((a) => a.name));
  const newAgencies = agencies.filter((a) => !existingNames.has(a.name));
  const batches: Batch[] = [["Agency", newAgencies]];
  const agencyIds = [...existing.map((a) => a.id), ...newAgencies.map((a) => a.id)];
  const organiser = await db.user.findFirst({ where: { role: "ORGANISER" }, select: { id: true }, orderBy: { createdAt: "asc" } });

  // Series, each with 5–12 member agencies.
  const seriesCount = 30 * scale;
  const series = Array.from({ length: seriesCount }, (_, i) => ({
    id: `scale-se-${i}`,
    slug: `scale-${pad(i, 3)}-${slugPart(TOPICS[i % TOPICS.length])}-working-group`,
    name: `${TOPICS[i % TOPICS.length]} working group ${Math.floor(i / TOPICS.length) + 1}`,
    description: `Standing expert group on ${TOPICS[i % TOPICS.length].toLowerCase()}.`,
  }));
  batches.push(["Series", series]);
  const members = series.flatMap((s) => {
    const set = new Set<string>();
    const count = 5 + Math.floor(rand() * 8);
    while (set.size < count) set.add(pick(agencyIds));
    return [...set].map((agencyId) => ({ seriesId: s.id, agencyId }));
  });
  batches.push(["SeriesMember", members]);

  // Meetings from 2016 to 2030, one-day or two-day, with an agenda and delegations.
  const meetingCount = 3000 * scale;
  const now = Date.now();
  const meetings: (Prisma.MeetingCreateManyInput & { id: string; startsAt: Date; endsAt: Date; status: string })[] = [];
  const items: { id: string; meetingId: string; parentId: string | null; kind: string; title: string; room: string; startsAt: Date; endsAt: Date; position: number }[] = [];
  const people: { agendaItemId: string; name: string; agencyId: string; role: string }[] = [];
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
      const slots: [string, number, number][] = [["PLENARY", 0, 30], ["SESSION", 30, 120], ["BREAK", 120, 135], ["PANEL", 135, 210], ["BREAK", 210, 270], ["SESSION", 270, 420], ["PLENARY", 420, 480]];
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

  // One large upcoming meeting (a regional conference): 5,000 registrations from 60 agencies, most waiting
  // for approval or confirmed, so the organisers' registrations page has a full list to search, sort and filter.
  const largeAt = fromLocalInput(`${new Date(now).getUTCFullYear() + 1}-03-10T09:00`, "Europe/Brussels")!;
  const largeAgencies = [...new Set(Array.from({ length: 400 }, () => pick(agencyIds)))].slice(0, 60);
  meetings.push({
    id: "scale-me-large",
    slug: `scale-large-regional-conference-brussels-${largeAt.getUTCFullYear()}`,
    title: `Regional conference on migration and border management (${largeAt.getUTCFullYear()})`,
    description: "Annual regional conference of every member service.",
    seriesId: series[0].id, venue: "Conference centre", room: "Plenary hall", city: "Brussels", timeZone: "Europe/Brussels",
    startsAt: largeAt, endsAt: new Date(largeAt.getTime() + 2 * 86_400_000 + 8 * 3_600_000), format: "HYBRID",
    onlineLink: `https://meet.example.org/${run}-large`, languages: "en,fr", capacity: 4_500, visibility: "PUBLIC", status: "PUBLISHED",
    organiserName: "Convene secretariat", organiserEmail: "secretariat@example.org", fundingProgramme: "EU ARGO programme",
    agendaPublishedAt: null, approvalMode: "APPROVAL", retentionDays: 365,
  });
  meetingAgencies.push(largeAgencies);
  largeAgencies.forEach((agencyId, k) => delegations.push({ id: `scale-me-large-de-${k}`, meetingId: "scale-me-large", agencyId, quota: 120 }));
  const largeIndex = meetings.length - 1;

  batches.push(["Meeting", meetings], ["AgendaItem", items], ["AgendaPerson", people], ["Delegation", delegations]);

  // Registrations: the large meeting's, then the rest spread over the other meetings, one per person and meeting.
  const registrationCount = 100_000 * scale;
  const perMeeting = Math.ceil((registrationCount - LARGE_MEETING_SIZE) / meetingCount);
  const registrations: Rows = [];
  const registration = (i: number, k: number, meetingId: string, delegation: number, agencyId: string, status: string, waitlistRank: number | null) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first}.${last}.${i}.${k}@example.org`.toLowerCase();
    // Registered 40 to 100 days before the meeting, and never later than today.
    const registeredAt = new Date(Math.min(meetings[i].startsAt.getTime() - (40 + rand() * 60) * 86_400_000, now - rand() * 30 * 86_400_000));
    return {
      meetingId,
      agencyId,
      delegationId: `${meetingId}-de-${delegation}`,
      name: `${first} ${last}`,
      email,
      emailNormalised: email,
      jobTitle: pick(["Border guard officer", "Policy officer", "Analyst", "Head of unit", "Liaison officer"]),
      role: pick(["DELEGATE", "DELEGATE", "DELEGATE", "DELEGATE", "OBSERVER", "SPEAKER"]),
      status,
      waitlistRank,
      consentAt: registeredAt,
      consentNoticeVersion: "2026-01",
      manageTokenHash: crypto.createHash("sha256").update(`${run}:${i}:${k}`).digest("hex"),
      attendance: meetings[i].endsAt.getTime() < now && status === "CONFIRMED" ? (rand() < 0.9 ? "ATTENDED" : "NO_SHOW") : "NONE",
      createdAt: registeredAt,
    };
  };
  let waitlisted = 0;
  for (let k = 0; k < LARGE_MEETING_SIZE; k++) {
    const d = k % largeAgencies.length;
    const status = k < 3_000 ? (k % 10 === 9 ? "CANCELLED" : "CONFIRMED") : k < 4_600 ? "PENDING" : k < 4_900 ? "WAITLISTED" : "DECLINED";
    registrations.push(registration(largeIndex, k, "scale-me-large", d, largeAgencies[d], status, status === "WAITLISTED" ? ++waitlisted : null));
  }
  let made = LARGE_MEETING_SIZE;
  for (let from = 0; from < meetingCount && made < registrationCount; from += 100) {
    for (let i = from; i < Math.min(from + 100, meetingCount) && made < registrationCount; i++) {
      let rank = 0;
      for (let k = 0; k < perMeeting && made < registrationCount; k++, made++) {
        const status = pick(REG_STATUSES);
        registrations.push(registration(i, k, `scale-me-${i}`, i * 5 + (k % 5), meetingAgencies[i][k % 5], status, status === "WAITLISTED" ? ++rank : null));
      }
    }
  }
  batches.push(["Registration", registrations]);
  // Recommendations from held meetings, with a lead agency and a status.
  const recommendationCount = 20_000 * scale;
  const held = meetings.map((m, i) => ({ m, i })).filter(({ m }) => m.status === "HELD" || m.status === "ARCHIVED");
  const recs = [];
  for (let r = 0; r < recommendationCount; r++) {
    const { m, i } = held[r % held.length];
    const status = pick(REC_STATUSES);
    const startsAt = m.startsAt;
    recs.push({
      id: `scale-re-${r}`,
      code: `SC-${pad(i, 5)}-${pad(Math.floor(r / held.length) + 1, 3)}`,
      title: `${pick(["Improve", "Strengthen", "Harmonise", "Extend", "Review"])} ${pick(TOPICS).toLowerCase()} cooperation`,
      text: "Member services should share information faster and agree on common indicators.",
      meetingId: m.id,
      leadAgencyId: meetingAgencies[i][r % 5],
      priority: pick(["HIGH", "MEDIUM", "MEDIUM", "LOW"]),
      dueDate: new Date(startsAt.getTime() + 365 * 86_400_000),
      status,
      progress: status === "IMPLEMENTED" ? 100 : status === "IN_PROGRESS" || status === "PARTIALLY_IMPLEMENTED" ? 20 + Math.floor(rand() * 60) : 0,
      closedAt: ["IMPLEMENTED", "NOT_IMPLEMENTED", "PARTIALLY_IMPLEMENTED"].includes(status) ? new Date(startsAt.getTime() + 300 * 86_400_000) : null,
      closingEvidence: status === "IMPLEMENTED" ? "Implementation report, https://docs.example.org/report" : "",
    });
  }
  batches.push(["Recommendation", recs]);
  const notAfterNow = (d: Date) => new Date(Math.min(d.getTime(), now));
  // How each one got its status: adopted at the meeting, then moved on by the secretariat.
  const changes: Rows = recs
    .filter((r) => r.status !== "PROPOSED")
    .map((r) => ({
      recommendationId: r.id, fromStatus: "PROPOSED", toStatus: r.status, progress: r.progress, userId: organiser?.id ?? null, note: "",
      createdAt: notAfterNow(r.closedAt ?? new Date(r.dueDate.getTime() - 200 * 86_400_000)),
    }));
  batches.push(["RecommendationStatusChange", changes]);
  // The audit log has the creation of every meeting and recommendation, like the organisers' forms write it.
  const auditRows: Rows = [
    ...meetings.map((m) => ({ userId: organiser?.id ?? null, entity: "Meeting", entityId: m.id, meetingId: m.id, action: "create", before: null, after: { title: m.title, status: "DRAFT" }, createdAt: notAfterNow(new Date(m.startsAt.getTime() - 90 * 86_400_000)) })),
    ...recs.map((r) => ({ userId: organiser?.id ?? null, entity: "Recommendation", entityId: r.id, meetingId: r.meetingId, action: "create", before: null, after: { code: r.code, title: r.title }, createdAt: notAfterNow(new Date(r.dueDate.getTime() - 364 * 86_400_000)) })),
  ];
  batches.push(["AuditLog", auditRows]);

  const generated = Date.now();
  await writeAll(batches);

  return {
    skipped: false, agencies: newAgencies.length, series: seriesCount, meetings: meetings.length, agendaItems: items.length, registrations: registrations.length,
    recommendations: recs.length, statusChanges: changes.length, auditEntries: auditRows.length,
    generatedMs: generated - startedAt, writtenMs: Date.now() - generated,
  };
}

function slugPart(text: string) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
