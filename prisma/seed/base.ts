import type { AgencyKind, AgendaItemKind, MeetingStatus } from "~/generated/prisma/enums.ts";
import { db } from "~/utils/db.server";
import { fromLocalInput } from "~/utils/dates";

// Agencies, people, series and meetings of the demo. People are fictional (example.org).

type AgencySeed = { key: string; name: string; acronym: string; kind: AgencyKind; country: string | null; parent?: string };

export const AGENCIES: AgencySeed[] = [
  { key: "iom", name: "International Organization for Migration", acronym: "IOM", kind: "UN_AGENCY", country: null },
  { key: "iom-bru", name: "IOM Regional Office for the EEA, the EU and NATO (Brussels)", acronym: "IOM RO Brussels", kind: "UN_AGENCY", country: "BE", parent: "iom" },
  { key: "unhcr", name: "Office of the United Nations High Commissioner for Refugees", acronym: "UNHCR", kind: "UN_AGENCY", country: null },
  { key: "unodc", name: "United Nations Office on Drugs and Crime", acronym: "UNODC", kind: "UN_AGENCY", country: null },
  { key: "frontex", name: "European Border and Coast Guard Agency", acronym: "Frontex", kind: "EU_AGENCY", country: "PL" },
  { key: "europol", name: "European Union Agency for Law Enforcement Cooperation", acronym: "Europol", kind: "EU_AGENCY", country: "NL" },
  { key: "eulisa", name: "European Union Agency for the Operational Management of Large-Scale IT Systems", acronym: "eu-LISA", kind: "EU_AGENCY", country: "EE" },
  { key: "euaa", name: "European Union Agency for Asylum", acronym: "EUAA", kind: "EU_AGENCY", country: "MT" },
  { key: "dghome", name: "European Commission, Directorate-General for Migration and Home Affairs", acronym: "DG HOME", kind: "EU_INSTITUTION", country: "BE" },
  { key: "council", name: "General Secretariat of the Council of the European Union", acronym: "GSC", kind: "EU_INSTITUTION", country: "BE" },
  { key: "be-police", name: "Belgian Federal Police", acronym: "BE Federal Police", kind: "NATIONAL_AUTHORITY", country: "BE" },
  { key: "be-immigration", name: "Belgian Immigration Office", acronym: "BE DVZ-OE", kind: "NATIONAL_AUTHORITY", country: "BE" },
  { key: "lv-border", name: "State Border Guard of Latvia", acronym: "VRS", kind: "NATIONAL_AUTHORITY", country: "LV" },
  { key: "pl-border", name: "Polish Border Guard", acronym: "SG", kind: "NATIONAL_AUTHORITY", country: "PL" },
  { key: "sk-police", name: "Slovak Bureau of Border and Foreign Police", acronym: "UHCP", kind: "NATIONAL_AUTHORITY", country: "SK" },
  { key: "fr-interior", name: "French Ministry of the Interior, Border Police (DCPAF)", acronym: "DCPAF", kind: "NATIONAL_AUTHORITY", country: "FR" },
  { key: "nl-kmar", name: "Royal Netherlands Marechaussee", acronym: "KMar", kind: "NATIONAL_AUTHORITY", country: "NL" },
  { key: "de-bpol", name: "German Federal Police", acronym: "BPOL", kind: "NATIONAL_AUTHORITY", country: "DE" },
  { key: "uk-home", name: "United Kingdom Home Office", acronym: "UK Home Office", kind: "NATIONAL_AUTHORITY", country: "GB" },
  { key: "icmpd", name: "International Centre for Migration Policy Development", acronym: "ICMPD", kind: "INTERNATIONAL_ORGANISATION", country: "AT" },
  { key: "interpol", name: "International Criminal Police Organization", acronym: "INTERPOL", kind: "INTERNATIONAL_ORGANISATION", country: "FR" },
];

export const USERS = [
  { email: "organiser@example.org", name: "Olivia Marchetti", role: "ORGANISER", agency: "iom-bru" },
  { email: "secretariat@example.org", name: "Samuel Okafor", role: "SECRETARIAT", agency: "iom-bru" },
  { email: "focal.frontex@example.org", name: "Katarzyna Nowicka", role: "FOCAL_POINT", agency: "frontex" },
  { email: "focal.europol@example.org", name: "Pieter de Vries", role: "FOCAL_POINT", agency: "europol" },
  { email: "focal.be-police@example.org", name: "Sophie Lambert", role: "FOCAL_POINT", agency: "be-police" },
  { email: "focal.lv-border@example.org", name: "Jānis Ozols", role: "FOCAL_POINT", agency: "lv-border" },
  { email: "focal.uk-home@example.org", name: "Eleanor Hughes", role: "FOCAL_POINT", agency: "uk-home" },
  // French-speaking: the interface and their mail are in French (User.locale, issue 13).
  { email: "focal.fr-interior@example.org", name: "Camille Bernard", role: "FOCAL_POINT", agency: "fr-interior", locale: "fr" },
  { email: "participant@example.org", name: "Marek Horváth", role: "PARTICIPANT", agency: "sk-police" },
  { email: "participant.fr@example.org", name: "Élise Dubois", role: "PARTICIPANT", agency: "be-police", locale: "fr" },
] as const;

const BXL = "Europe/Brussels";
const at = (local: string, zone = BXL) => {
  const d = fromLocalInput(local, zone);
  if (!d) throw new Error(`bad seed time ${local}`);
  return d;
};

type ItemSeed = {
  kind: AgendaItemKind;
  title: string;
  start: string;
  end: string;
  description?: string;
  room?: string;
  people?: { name: string; agency?: string; role?: "SPEAKER" | "MODERATOR" }[];
  children?: ItemSeed[];
};

const BRUSSELS_AGENDA: ItemSeed[] = [
  { kind: "OTHER", title: "Registration and welcome coffee", start: "08:30", end: "09:00" },
  {
    kind: "PLENARY",
    title: "Opening: the state of irregular migration to the EU",
    start: "09:00",
    end: "09:30",
    people: [
      { name: "Helena Kowalczyk", agency: "dghome" },
      { name: "Daniel Aguilar", agency: "iom-bru" },
    ],
  },
  {
    kind: "SESSION",
    title: "Session 1: Schengen and visa information systems",
    start: "09:30",
    end: "11:00",
    description: "SIS, VIS, the Entry/Exit System and ETIAS: what border guards see, and what they do not.",
    people: [
      { name: "Mart Tamm", agency: "eulisa" },
      { name: "Katarzyna Nowicka", agency: "frontex" },
      { name: "Samuel Okafor", agency: "iom-bru", role: "MODERATOR" },
    ],
    children: [
      { kind: "OTHER", title: "Interoperability of EU systems: state of play", start: "09:30", end: "10:15" },
      { kind: "OTHER", title: "Questions and discussion", start: "10:15", end: "11:00" },
    ],
  },
  { kind: "BREAK", title: "Coffee break", start: "11:00", end: "11:15" },
  {
    kind: "SESSION",
    title: "Session 2: Biometrics at the external borders",
    start: "11:15",
    end: "12:30",
    people: [
      { name: "Ilze Bērziņa", agency: "lv-border" },
      { name: "Tomasz Wiśniewski", agency: "pl-border" },
    ],
  },
  { kind: "BREAK", title: "Lunch", start: "12:30", end: "13:30" },
  {
    kind: "PANEL",
    title: "Session 3: Travel document security and document fraud",
    start: "13:30",
    end: "14:45",
    people: [
      { name: "Sophie Lambert", agency: "be-police" },
      { name: "Lucas Ferreira", agency: "frontex" },
      { name: "Marek Horváth", agency: "sk-police" },
      { name: "Daniel Aguilar", agency: "iom-bru", role: "MODERATOR" },
    ],
  },
  {
    kind: "SESSION",
    title: "Session 4: Data sharing against migrant smuggling networks",
    start: "14:45",
    end: "16:15",
    people: [
      { name: "Pieter de Vries", agency: "europol" },
      { name: "Ana Popescu", agency: "interpol" },
    ],
  },
  { kind: "PLENARY", title: "Conclusions and recommendations", start: "16:15", end: "17:00", people: [{ name: "Olivia Marchetti", agency: "iom-bru" }] },
];

const CALAIS_AGENDA: ItemSeed[] = [
  { kind: "PLENARY", title: "Opening and adoption of the agenda", start: "09:30", end: "10:00" },
  { kind: "SESSION", title: "Situation at the Channel: small boat crossings", start: "10:00", end: "11:30", people: [{ name: "Camille Bernard", agency: "fr-interior" }, { name: "Eleanor Hughes", agency: "uk-home" }] },
  { kind: "BREAK", title: "Coffee break", start: "11:30", end: "11:45" },
  { kind: "SESSION", title: "Review of open recommendations", start: "11:45", end: "13:00" },
  { kind: "PLENARY", title: "Any other business and next session", start: "13:00", end: "13:30" },
];

export async function seedBase() {
  const agencyIds = new Map<string, string>();
  for (const a of AGENCIES) {
    const row = await db.agency.create({
      data: { name: a.name, acronym: a.acronym, kind: a.kind, country: a.country, parentId: a.parent ? agencyIds.get(a.parent) : null },
    });
    agencyIds.set(a.key, row.id);
  }
  for (const u of USERS) {
    await db.user.create({ data: { email: u.email, name: u.name, role: u.role, agencyId: agencyIds.get(u.agency) ?? null, locale: "locale" in u ? u.locale : null } });
  }

  const createAgenda = async (meetingId: string, day: string, zone: string, items: ItemSeed[], parentId: string | null = null) => {
    let position = 0;
    for (const item of items) {
      const row = await db.agendaItem.create({
        data: {
          meetingId,
          parentId,
          kind: item.kind,
          title: item.title,
          description: item.description ?? "",
          room: item.room ?? "",
          startsAt: at(`${day}T${item.start}`, zone),
          endsAt: at(`${day}T${item.end}`, zone),
          position: position++,
          people: { create: (item.people ?? []).map((p) => ({ name: p.name, role: p.role ?? "SPEAKER", agencyId: p.agency ? agencyIds.get(p.agency) : null })) },
        },
      });
      if (item.children) await createAgenda(meetingId, day, zone, item.children, row.id);
    }
  };

  const brussels = await db.meeting.create({
    data: {
      slug: "combating-irregular-migration-eu-2026",
      title: "Combating Irregular Migration in the EU",
      description:
        "One-day expert meeting of IOM, EU agencies and institutions, and border and police services of EU member states on irregular migration and migrant smuggling: Schengen and visa information systems, biometrics, travel document security and data sharing.",
      venue: "Résidence Palace",
      room: "Polak Room",
      city: "Brussels",
      timeZone: BXL,
      startsAt: at("2026-06-04T08:30"),
      endsAt: at("2026-06-04T17:00"),
      format: "HYBRID",
      onlineLink: "https://meet.example.org/brussels-2026",
      languages: "en,fr",
      capacity: 80,
      visibility: "PUBLIC",
      status: "HELD",
      organiserName: "IOM Regional Office Brussels",
      organiserEmail: "organiser@example.org",
      fundingProgramme: "EU ARGO programme",
      agendaPublishedAt: at("2026-05-10T12:00"),
      approvalMode: "APPROVAL",
      registrationOpensAt: at("2026-04-01T09:00"),
      registrationClosesAt: at("2026-05-28T23:59"),
      retentionDays: 365,
    },
  });
  await createAgenda(brussels.id, "2026-06-04", BXL, BRUSSELS_AGENDA);

  const calaisMembers = ["fr-interior", "be-police", "nl-kmar", "de-bpol", "uk-home"];
  const calais = await db.series.create({
    data: {
      slug: "calais-group",
      name: "Calais Group",
      description: "Standing group of France, Belgium, the Netherlands, Germany and the United Kingdom on migration across the Channel.",
      members: { create: calaisMembers.map((k) => ({ agencyId: agencyIds.get(k)! })) },
    },
  });
  const sessions: { slug: string; title: string; day: string; city: string; venue: string; zone: string; status: MeetingStatus }[] = [
    { slug: "calais-group-2024-spring", title: "Calais Group, spring session 2024", day: "2024-03-14", city: "Paris", venue: "Ministère de l'Intérieur, Place Beauvau", zone: "Europe/Paris", status: "ARCHIVED" },
    { slug: "calais-group-2024-autumn", title: "Calais Group, autumn session 2024", day: "2024-10-17", city: "London", venue: "2 Marsham Street", zone: "Europe/London", status: "HELD" },
    { slug: "calais-group-2025-spring", title: "Calais Group, spring session 2025", day: "2025-04-10", city: "The Hague", venue: "Ministry of Justice and Security", zone: "Europe/Amsterdam", status: "HELD" },
    { slug: "calais-group-2025-autumn", title: "Calais Group, autumn session 2025", day: "2025-11-20", city: "Berlin", venue: "Federal Ministry of the Interior", zone: "Europe/Berlin", status: "HELD" },
    { slug: "calais-group-2027-spring", title: "Calais Group, spring session 2027", day: "2027-03-11", city: "Brussels", venue: "Résidence Palace", zone: BXL, status: "PUBLISHED" },
  ];
  for (const s of sessions) {
    const m = await db.meeting.create({
      data: {
        slug: s.slug,
        title: s.title,
        description: "Regular session of the Calais Group.",
        seriesId: calais.id,
        venue: s.venue,
        city: s.city,
        timeZone: s.zone,
        startsAt: at(`${s.day}T09:30`, s.zone),
        endsAt: at(`${s.day}T13:30`, s.zone),
        format: "IN_PERSON",
        languages: "en,fr",
        capacity: 30,
        visibility: "INVITATION",
        status: s.status,
        organiserName: "Calais Group secretariat",
        organiserEmail: "secretariat@example.org",
        agendaPublishedAt: at(`${s.day}T09:30`, s.zone),
        approvalMode: "APPROVAL",
        retentionDays: 730,
      },
    });
    await createAgenda(m.id, s.day, s.zone, CALAIS_AGENDA);
    for (const k of calaisMembers) await db.delegation.create({ data: { meetingId: m.id, agencyId: agencyIds.get(k)!, quota: 4 } });
  }

  const upcoming = await db.meeting.create({
    data: {
      slug: "document-fraud-expert-meeting-2027",
      title: "Expert Meeting on Document Fraud and Identity Management",
      description: "Follow-up to the June 2026 Brussels meeting, focused on travel document security and the exchange of specimen documents.",
      venue: "Frontex headquarters",
      room: "Conference Room A",
      city: "Warsaw",
      timeZone: "Europe/Warsaw",
      startsAt: at("2027-02-16T09:00", "Europe/Warsaw"),
      endsAt: at("2027-02-16T17:00", "Europe/Warsaw"),
      format: "HYBRID",
      onlineLink: "https://meet.example.org/document-fraud-2027",
      languages: "en",
      capacity: 50,
      visibility: "PUBLIC",
      status: "PUBLISHED",
      organiserName: "IOM Regional Office Brussels",
      organiserEmail: "organiser@example.org",
      fundingProgramme: "EU ARGO programme",
      agendaPublishedAt: at("2026-11-01T12:00"),
      approvalMode: "AUTOMATIC",
      registrationOpensAt: at("2026-11-01T09:00"),
      registrationClosesAt: at("2027-02-09T23:59", "Europe/Warsaw"),
      retentionDays: 365,
    },
  });
  await createAgenda(upcoming.id, "2027-02-16", "Europe/Warsaw", [
    { kind: "PLENARY", title: "Opening", start: "09:00", end: "09:30" },
    { kind: "SESSION", title: "Trends in document fraud at EU external borders", start: "09:30", end: "11:00", people: [{ name: "Lucas Ferreira", agency: "frontex" }] },
    { kind: "BREAK", title: "Coffee break", start: "11:00", end: "11:20" },
    { kind: "PANEL", title: "Specimen exchange and the FADO system", start: "11:20", end: "12:45", people: [{ name: "Helena Kowalczyk", agency: "dghome" }, { name: "Sophie Lambert", agency: "be-police" }] },
    { kind: "BREAK", title: "Lunch", start: "12:45", end: "13:45" },
    { kind: "SESSION", title: "Identity management and biometrics", start: "13:45", end: "16:30", people: [{ name: "Tomasz Wiśniewski", agency: "pl-border" }] },
    { kind: "PLENARY", title: "Closing", start: "16:30", end: "17:00" },
  ]);
  for (const k of ["frontex", "europol", "be-police", "lv-border", "pl-border", "sk-police", "dghome", "iom-bru"]) {
    await db.delegation.create({ data: { meetingId: upcoming.id, agencyId: agencyIds.get(k)!, quota: 3 } });
  }

  return { agencies: AGENCIES.length, users: USERS.length, meetings: sessions.length + 2, agencyIds };
}
