import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { containsText, db, type Prisma } from "~/utils/db.server";
import { formRefusal, type FieldErrors, type Outcome } from "~/utils/forms.server";
import { audit, diffFields } from "~/domain/audit/audit.server";
import type { Actor } from "~/domain/auth/roles";
import { can } from "~/domain/auth/permissions";
import { assertCan } from "~/domain/auth/permissions.server";
import { queueMeetingUpdate } from "~/domain/mail/meeting-updates.server";
import { addOpenRecommendationsToReview } from "~/domain/recommendations/reviews.server";
import { formatDateTime, formatRange, toDateInput, toLocalInput, withDateRange, zoneSpanLabel } from "~/utils/dates";
import { languageList } from "~/i18n/language-names.server";
import { loadAgendaTree } from "~/domain/agenda/agenda.server";
import { withAgendaTimes } from "~/domain/agenda/times.server";
import { seriesOptions } from "~/domain/series/series.server";
import { agencyIdsNamed } from "~/domain/agencies/agencies.server";
import type { CloneInput, MeetingInput } from "./meeting.schema";
import { invalidatePublicPages, publicReference, writePublic } from "./public-cache.server";
import { lockMeeting, lockedMeeting, promoteWaitlisted, registrationPanel } from "~/domain/registration/registration.server";
import { inviteAgencies } from "~/domain/registration/organiser.server";
import { listRecommendationsForMeetingPage } from "~/domain/recommendations/recommendations.server";
import { publishedSummaryLink } from "~/domain/summary/summary.server";
import { meetingPageDocuments } from "~/domain/documents/documents.server";
import { localize, translationsIn } from "~/domain/content/localized";
import { slugify } from "./slug";
import { shiftKeepingLocalTime } from "./shift";
import { ANNOUNCED_STATUSES, PUBLIC_STATUSES, canTransition, isMeetingStatus } from "./status";
import { key } from "~/i18n/translate";

// Meetings: the public list and page, and the organiser's create/edit/clone/status changes.
// Every change is audited in the transaction that makes it; announced changes reach confirmed
// participants through the outbox (queueMeetingUpdate) with a bumped iCalendar SEQUENCE.

type SaveResult = Outcome<{ id: string; slug: string }>;

// ---------------------------------------------------------------- public

const listSelect = {
  id: true, slug: true, title: true, city: true, venue: true, timeZone: true, startsAt: true, endsAt: true, status: true,
  format: true, visibility: true, series: { select: { name: true, slug: true } },
} satisfies Prisma.MeetingSelect;

// What a public meeting card shows (the slug is its key): no id, no format; the title in the reader's language.
const publicCardSelect = (language: Language) =>
  ({
    slug: true, title: true, city: true, venue: true, timeZone: true, startsAt: true, endsAt: true, status: true, visibility: true,
    language: true, translations: translationsIn(language, { title: true }),
  }) satisfies Prisma.MeetingSelect;

/** A card's title in the reader's language (decision 080), and its dates as one line in the meeting's zone. */
function localCard<R extends { startsAt: Date; endsAt: Date; timeZone: string; title: string; language: string; translations: { language: string; title: string }[] }>(
  row: R,
  language: Language,
) {
  const { language: _l, ...card } = localize(row, ["title"], language, row.language);
  return withDateRange(card, language);
}

/** The next few non-draft meetings, soonest first (the home page). */
export async function upcomingPublicMeetings(take: number, now = new Date(), language: Language = "en") {
  const rows = await db.meeting.findMany({
    where: { status: { in: [...PUBLIC_STATUSES] }, endsAt: { gte: now } },
    select: { ...publicCardSelect(language), series: { select: { name: true, slug: true } } },
    orderBy: { startsAt: "asc" },
    take,
  });
  return rows.map((r) => localCard(r, language));
}

type ListParams = {
  when: "upcoming" | "past";
  seriesSlug?: string | null;
  /** Meetings an agency takes part in (has a delegation): its name or acronym, or part of one, or its id. */
  agency?: string | null;
  page: { skip: number; take: number };
  now?: Date;
  language?: Language;
};

/**
 * The public list: upcoming (soonest first) or past (latest first) non-draft meetings, filtered by series
 * and agency, with the series offered as a filter. Three statements (count, cards, their translations): a
 * card's series comes from the filter's list of series, public reference data like the page itself.
 */
export async function meetingListPage(params: ListParams) {
  // A page of the list is the same for every reader: public reference data (decision 093), unless filtered by
  // agency (delegations change without a public write) or asked for another time than now (tests).
  if (params.agency || params.now) return readMeetingListPage(params);
  const { when, seriesSlug, page, language = "en" } = params;
  return publicReference(`list ${language} ${when} ${page.skip} ${page.take} ${seriesSlug ?? ""}`, () => readMeetingListPage(params));
}

async function readMeetingListPage(params: ListParams) {
  const now = params.now ?? new Date();
  const language = params.language ?? "en";
  const where: Prisma.MeetingWhereInput = {
    status: { in: [...PUBLIC_STATUSES] },
    ...(params.when === "upcoming" ? { endsAt: { gte: now } } : { endsAt: { lt: now } }),
    ...(params.seriesSlug ? { series: { slug: params.seriesSlug } } : {}),
    ...(params.agency ? { delegations: { some: { agencyId: { in: await agencyIdsNamed(params.agency) } } } } : {}),
  };
  const [total, rows, filters] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({
      where,
      select: { ...publicCardSelect(language), seriesId: true },
      orderBy: { startsAt: params.when === "upcoming" ? "asc" : "desc" },
      skip: params.page.skip,
      take: params.page.take,
    }),
    publicReference("meetingList:filters", listFilters),
  ]);
  return {
    total,
    meetings: rows.map(({ seriesId, ...m }) => ({ ...localCard(m, language), series: (seriesId && filters.seriesById.get(seriesId)) || null })),
    series: filters.series,
  };
}

/** The list's series filter options, and each series by id for the cards. */
async function listFilters() {
  const series = await seriesOptions();
  return {
    seriesById: new Map(series.map((s) => [s.id, { name: s.name, slug: s.slug }])),
    series: series.map((s) => ({ value: s.slug, label: s.name })),
  };
}

const pageSelect = {
  id: true, slug: true, title: true, description: true, venue: true, room: true, city: true, timeZone: true, startsAt: true, endsAt: true,
  format: true, onlineLink: true, languages: true, capacity: true, visibility: true, status: true, organiserName: true, organiserEmail: true,
  fundingProgramme: true, agendaPublishedAt: true, registrationClosesAt: true, participantListVisible: true,
  series: { select: { name: true, slug: true } }, language: true,
} satisfies Prisma.MeetingSelect;

/**
 * A meeting as the public sees it, its title and description in the reader's language, with its agenda, the
 * recommendations made and reviewed at it, and the link to its published summary record: drafts exist only for
 * organisers, and so does a draft agenda.
 * The whole is public reference data (decision 093), the same for every reader, read and checked once per
 * request; who may see the meeting, its draft agenda and its online link is decided here, per request.
 */
async function readPublicMeeting(slug: string, user: Actor | null, language: Language) {
  const organiser = can(user, "meetings:manage");
  const found = await publicReference(`meeting ${language} ${slug}`, () => readMeeting(slug, language));
  if (!found || (found.meeting.status === "DRAFT" && !organiser)) return null;
  const { agendaPublished, agenda, ...rest } = found;
  return { ...rest, organiser, agendaIsDraft: !agendaPublished, agenda: agendaPublished || organiser ? agenda : [] };
}

async function readMeeting(slug: string, language: Language) {
  const row = await db.meeting.findUnique({ where: { slug }, select: { ...pageSelect, translations: translationsIn(language, { title: true, description: true }) } });
  if (!row) return null;
  const { id, onlineLink, agendaPublishedAt, participantListVisible, ...meeting } = localize(row, ["title", "description"], language, row.language);
  const [tree, summary, aDocument, recommendations] = await Promise.all([
    loadAgendaTree(id, { language, original: row.language }),
    publishedSummaryLink(slug),
    db.document.findFirst({ where: { meetingId: id }, select: { id: true } }),
    // Public statuses only, the same for every reader; every write of recommendations moves the public
    // generation (writePublic), so these are never behind (decision 097).
    listRecommendationsForMeetingPage(id, language),
  ]);
  // Dates and language names are made here, once per read, in the meeting's zone and the reader's language:
  // the page's JavaScript carries no date code and no names.
  const when = {
    range: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, language),
    zone: zoneSpanLabel(meeting.timeZone, meeting.startsAt, meeting.endsAt, language),
    registrationCloses: meeting.registrationClosesAt ? formatDateTime(meeting.registrationClosesAt, meeting.timeZone, true, language) : null,
  };
  return {
    id, meeting, onlineLink, participantListVisible, agendaPublished: !!agendaPublishedAt, summary, when, recommendations,
    // Whether the meeting has documents at all (any visibility): without any, a page need not ask which the
    // reader may see. Every write of a document moves the public generation, so this is never behind.
    hasDocuments: !!aDocument,
    languageNames: languageList(meeting.languages, language),
    agenda: withAgendaTimes(tree, meeting.timeZone, language),
  };
}

/** The documents of a kept meeting that this reader may see (decision 094: none read when it has none). */
function documentsFor(found: { meeting: { slug: string }; hasDocuments: boolean }, user: Actor | null, language: Language) {
  return found.hasDocuments ? meetingPageDocuments(found.meeting.slug, { user, registrationTokenHash: null }, language) : Promise.resolve([]);
}

/** The printable agenda: the meeting and its agenda (a draft agenda only for organisers), and its documents. */
export async function getPublicMeeting(slug: string, user: Actor | null, language: Language = "en") {
  const found = await readPublicMeeting(slug, user, language);
  if (!found) return null;
  return { meeting: found.meeting, when: found.when, agenda: found.agenda, agendaIsDraft: found.agendaIsDraft, documents: await documentsFor(found, user, language) };
}

/**
 * The public meeting page. Drafts exist only for organisers, and so does a draft agenda; the online link
 * only for confirmed participants (and organisers). Reads nothing the page does not show, and sends the
 * browser nothing it does not render (turbo-stream writes the whole loader answer into the HTML).
 */
export async function getMeetingPage(slug: string, user: Actor | null, language: Language = "en") {
  const found = await readPublicMeeting(slug, user, language);
  if (!found) return null;
  const { id, meeting, organiser, agenda, agendaIsDraft, onlineLink, participantListVisible, summary, when, languageNames, recommendations } = found;
  const [panel, documents] = await Promise.all([
    registrationPanel({ id, slug: meeting.slug, status: meeting.status, visibility: meeting.visibility, participantListVisible }, user),
    documentsFor(found, user, language),
  ]);
  return {
    meeting,
    onlineLink: panel?.confirmed || organiser ? onlineLink : null,
    agenda,
    agendaIsDraft,
    recommendations,
    summary,
    when,
    languageNames,
    registration: panel && { mine: panel.mine, delegationLink: panel.delegationLink, participantsLink: panel.participantsLink },
    documents,
  };
}

const icsSelect = {
  id: true, slug: true, title: true, description: true, venue: true, room: true, city: true, timeZone: true, startsAt: true, endsAt: true,
  status: true, icsSequence: true, organiserName: true, organiserEmail: true, updatedAt: true,
} satisfies Prisma.MeetingSelect;

/** The meeting for its calendar file, title and description in the reader's language (decision 080). */
export async function meetingCalendarData(slug: string, user: Actor | null, language: Language = "en") {
  const m = await db.meeting.findUnique({
    where: { slug },
    select: { ...icsSelect, language: true, translations: translationsIn(language, { title: true, description: true }) },
  });
  if (!m || (m.status === "DRAFT" && !can(user, "meetings:manage"))) return null;
  const { language: _l, lang: _lang, ...meeting } = localize(m, ["title", "description"], language, m.language);
  return meeting;
}

// ---------------------------------------------------------------- staff

export async function listAdminMeetings(params: { q: string; status?: string | null; page: { skip: number; take: number }; language: Language }) {
  const q = params.q.trim().slice(0, 100);
  const where: Prisma.MeetingWhereInput = {
    ...(q ? { OR: [{ title: containsText(q) }, { city: containsText(q) }, { slug: containsText(q) }] } : {}),
    ...(params.status && isMeetingStatus(params.status) ? { status: params.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({ where, select: listSelect, orderBy: { startsAt: "desc" }, skip: params.page.skip, take: params.page.take }),
  ]);
  return { total, rows: rows.map((row) => withDateRange(row, params.language)) };
}

/** Staff dashboard: the next meetings (drafts included) with their registration counts. */
/** The next meetings with their confirmed count; counted for those meetings only (a relation _count counts every meeting first). */
export async function upcomingForDashboard(now = new Date(), take = 10) {
  const meetings = await db.meeting.findMany({
    where: { endsAt: { gte: now }, status: { notIn: ["CANCELLED", "ARCHIVED"] } },
    orderBy: { startsAt: "asc" },
    take,
    select: { ...listSelect, capacity: true, agendaPublishedAt: true },
  });
  const confirmed = await db.registration.groupBy({ by: ["meetingId"], where: { meetingId: { in: meetings.map((m) => m.id) }, status: "CONFIRMED" }, _count: { _all: true } });
  const count = new Map(confirmed.map((g) => [g.meetingId, g._count._all]));
  return meetings.map((m) => ({ ...m, confirmed: count.get(m.id) ?? 0 }));
}

export async function getMeetingForAdmin(id: string) {
  return db.meeting.findUnique({ where: { id }, include: { series: { select: { id: true, name: true, slug: true } } } });
}

async function slugTaken(slug: string, exceptId?: string) {
  return !!(await db.meeting.findFirst({ where: { slug, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } }));
}

/** A free slug based on `base`: base, base-2, base-3 ... */
async function freeSlug(base: string) {
  for (let i = 1; i < 100; i++) {
    const candidate = i === 1 ? base : `${base.slice(0, 75)}-${i}`;
    if (!(await slugTaken(candidate))) return candidate;
  }
  return `${base.slice(0, 60)}-${Date.now().toString(36)}`;
}

async function checkReferences(input: { seriesId?: string }): Promise<FieldErrors | null> {
  if (input.seriesId && !(await db.series.findUnique({ where: { id: input.seriesId }, select: { id: true } })))
    return { seriesId: [key("admin:error.series")] };
  return null;
}

function toData(input: MeetingInput) {
  return {
    title: input.title,
    description: input.description ?? "",
    seriesId: input.seriesId ?? null,
    venue: input.venue ?? "",
    room: input.room ?? "",
    city: input.city ?? "",
    timeZone: input.timeZone,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    format: input.format,
    onlineLink: input.format === "IN_PERSON" ? null : (input.onlineLink ?? null),
    languages: input.languages,
    capacity: input.capacity ?? null,
    visibility: input.visibility,
    organiserName: input.organiserName ?? "",
    organiserEmail: input.organiserEmail ?? "",
    fundingProgramme: input.fundingProgramme ?? "",
    approvalMode: input.approvalMode,
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
    retentionDays: input.retentionDays ?? null,
    reminderOffsets: input.reminderOffsets ?? "",
    participantListVisible: input.participantListVisible ?? false,
  };
}

export async function createMeeting(actor: Actor, input: MeetingInput): Promise<SaveResult> {
  assertCan(actor, "meetings:manage");
  const refErrors = await checkReferences(input);
  if (refErrors) return { ok: false, fieldErrors: refErrors };
  let slug = input.slug;
  if (slug && (await slugTaken(slug))) return { ok: false, fieldErrors: { slug: [key("admin:error.slugTaken")] } };
  slug ??= await freeSlug(`${slugify(input.title)}-${input.startsAt.getUTCFullYear()}`);
  const data = { ...toData(input), slug, status: "DRAFT" as const };
  const row = await writePublic(async (tx) => {
    const m = await tx.meeting.create({ data, select: { id: true } });
    await audit(tx, { userId: actor.id, entity: "Meeting", entityId: m.id, meetingId: m.id, action: "create", after: data });
    return m;
  });
  return { ok: true, id: row.id, slug };
}

const PLACE_FIELDS = ["startsAt", "endsAt", "timeZone", "venue", "room", "city", "format", "onlineLink"] as const;

/** "The time changed to …; the venue is now …" for the participants' update mail. */
function changeSummary(after: ReturnType<typeof toData>, changed: string[], language: Language): string {
  const t = tFor(language);
  const parts: string[] = [];
  if (changed.some((k) => k === "startsAt" || k === "endsAt" || k === "timeZone"))
    parts.push(t("mail:update.time", { when: formatRange(after.startsAt, after.endsAt, after.timeZone, language) }));
  if (changed.some((k) => k === "venue" || k === "room" || k === "city"))
    parts.push(t("mail:update.place", { place: [after.venue, after.room, after.city].filter(Boolean).join(", ") || t("mail:update.toBeAnnounced") }));
  if (changed.some((k) => k === "format" || k === "onlineLink")) parts.push(t("mail:update.format"));
  return parts.join(" ");
}

export async function updateMeeting(actor: Actor, id: string, input: MeetingInput): Promise<SaveResult> {
  assertCan(actor, "meetings:manage");
  const refErrors = await checkReferences(input);
  if (refErrors) return { ok: false, fieldErrors: refErrors };
  const current = await db.meeting.findUnique({ where: { id } });
  if (!current) return { ok: false, fieldErrors: { title: [key("admin:error.meetingGone")] } };
  const slug = input.slug || current.slug;
  if (slug !== current.slug && (await slugTaken(slug, id))) return { ok: false, fieldErrors: { slug: [key("admin:error.slugTaken")] } };
  const data = { ...toData(input), slug };
  await writePublic(async (tx) => {
    await lockMeeting(tx, id);
    const before = await tx.meeting.findUniqueOrThrow({ where: { id } });
    const diff = diffFields(before as unknown as Record<string, unknown>, data);
    if (!diff.changed) return;
    const changed = Object.keys(diff.after);
    const announce = ANNOUNCED_STATUSES.includes(before.status) && changed.some((k) => (PLACE_FIELDS as readonly string[]).includes(k));
    await tx.meeting.update({ where: { id }, data: { ...data, ...(announce ? { icsSequence: { increment: 1 } } : {}) } });
    await audit(tx, { userId: actor.id, entity: "Meeting", entityId: id, meetingId: id, action: "update", before: diff.before, after: diff.after });
    if (announce) await queueMeetingUpdate(tx, { meetingId: id, summary: (language) => changeSummary(data, changed, language) });
    // More seats: the waiting list moves up in the same transaction as the change.
    if (changed.includes("capacity") && (data.capacity === null || data.capacity > (before.capacity ?? Infinity))) {
      await promoteWaitlisted(tx, await lockedMeeting(tx, id), actor.id);
    }
  });
  return { ok: true, id, slug };
}

/** Moves a meeting along its lifecycle; refuses what the transition table does not allow. */
export async function transitionMeeting(actor: Actor, id: string, to: string): Promise<Outcome<object>> {
  assertCan(actor, "meetings:manage");
  const result = await writePublic(async (tx): Promise<Outcome<object>> => {
    const m = await tx.meeting.findUnique({ where: { id }, select: { status: true } });
    if (!m) return formRefusal(key("admin:error.meetingGone"));
    if (!canTransition(m.status, to)) {
      return formRefusal(key(`admin:error.cannotTransition.${m.status}`));
    }
    const cancelling = to === "CANCELLED" && ANNOUNCED_STATUSES.includes(m.status);
    await tx.meeting.update({ where: { id }, data: { status: to, ...(cancelling ? { icsSequence: { increment: 1 } } : {}) } });
    await audit(tx, { userId: actor.id, entity: "Meeting", entityId: id, meetingId: id, action: "status", before: { status: m.status }, after: { status: to } });
    if (cancelling) await queueMeetingUpdate(tx, { meetingId: id, summary: (language) => {
      const t = tFor(language);
      return t("mail:update.cancelled");
    } });
    return { ok: true };
  });
  return result;
}

/**
 * Creates the next session of a meeting's series: same details, the new date, the agenda moved with
 * it (same local times), as a draft. Optionally puts the series' open recommendations up for review.
 */
export async function cloneMeeting(actor: Actor, id: string, input: CloneInput): Promise<SaveResult> {
  assertCan(actor, "meetings:manage");
  const source = await db.meeting.findUnique({
    where: { id },
    include: { agendaItems: { include: { people: true } }, delegations: { select: { agencyId: true, quota: true, reservedSeats: true } } },
  });
  if (!source) return { ok: false, fieldErrors: { title: [key("admin:error.meetingGone")] } };
  const fromDay = toDateInput(source.startsAt, source.timeZone);
  const shift = (d: Date) => shiftKeepingLocalTime(d, source.timeZone, fromDay, input.date);
  let startsAt: Date;
  try {
    startsAt = shift(source.startsAt);
  } catch {
    return { ok: false, fieldErrors: { date: [key("admin:error.realDate")] } };
  }
  // A doubled submit (or a second try after a lost response) finds the session made by the first one.
  const sameSession = async (): Promise<SaveResult | null> => {
    const twin = await db.meeting.findFirst({ where: { seriesId: source.seriesId, title: input.title, startsAt, id: { not: source.id } }, select: { id: true, slug: true } });
    if (!twin || (input.slug && input.slug !== twin.slug)) return null;
    await inviteMembers(actor, source.seriesId, twin.id, input);
    return { ok: true, id: twin.id, slug: twin.slug };
  };
  const done = await sameSession();
  if (done) return done;
  if (input.slug && (await slugTaken(input.slug))) return { ok: false, fieldErrors: { slug: [key("admin:error.slugTaken")] } };
  if (input.addOpenRecommendations && !source.seriesId)
    return { ok: false, fieldErrors: { addOpenRecommendations: [key("admin:error.noSeriesRecommendations")] } };
  const slug = input.slug ?? (await freeSlug(`${slugify(input.title)}`));
  // hasRecommendations is the database's (its triggers set it when reviews are added below).
  const { id: _id, createdAt: _c, updatedAt: _u, hasRecommendations: _r, agendaItems, delegations, ...fields } = source;
  const data = {
    ...fields,
    title: input.title,
    slug,
    startsAt,
    endsAt: shift(source.endsAt),
    status: "DRAFT" as const,
    agendaPublishedAt: null,
    icsSequence: 0,
    anonymisedAt: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
  };
  const created = await db.$transaction(async (tx) => {
    const m = await tx.meeting.create({ data, select: { id: true } }).catch((e: unknown) => {
      if ((e as { code?: string } | null)?.code === "P2002") return null;
      throw e;
    });
    if (!m) return null;
    // Parents first, so children can point at the new parent ids.
    const newIds = new Map<string, string>();
    const ordered = [...agendaItems].sort((a, b) => Number(!!a.parentId) - Number(!!b.parentId));
    for (const item of ordered) {
      const row = await tx.agendaItem.create({
        data: {
          meetingId: m.id,
          parentId: item.parentId ? (newIds.get(item.parentId) ?? null) : null,
          kind: item.kind,
          title: item.title,
          description: item.description,
          room: item.room,
          startsAt: shift(item.startsAt),
          endsAt: shift(item.endsAt),
          position: item.position,
          people: { create: item.people.map((p) => ({ name: p.name, agencyId: p.agencyId, role: p.role })) },
        },
        select: { id: true },
      });
      newIds.set(item.id, row.id);
    }
    // Quotas and reserved seats carry over; heads of delegation are people of the old session and do not.
    for (const d of delegations)
      await tx.delegation.create({ data: { meetingId: m.id, agencyId: d.agencyId, quota: d.quota, reservedSeats: d.reservedSeats }, select: { id: true } });
    await audit(tx, {
      userId: actor.id, entity: "Meeting", entityId: m.id, meetingId: m.id, action: "clone",
      after: { from: source.slug, title: data.title, slug, startsAt: data.startsAt, endsAt: data.endsAt, agendaItems: agendaItems.length, delegations: delegations.length },
    });
    if (input.addOpenRecommendations && source.seriesId) {
      const added = await addOpenRecommendationsToReview(tx, { seriesId: source.seriesId, meetingId: m.id });
      await audit(tx, { userId: actor.id, entity: "Meeting", entityId: m.id, meetingId: m.id, action: "recommendations-for-review", after: { added } });
    }
    return m;
  });
  // The web address was taken meanwhile, most often by the same session from a doubled submit.
  if (!created) return (await sameSession()) ?? { ok: false, fieldErrors: { slug: [key("admin:error.slugTaken")] } };
  // After the copy, in their own transaction: inviting is idempotent, so a retry after a failure here
  // (or a doubled submit) never invites an agency twice.
  await inviteMembers(actor, source.seriesId, created.id, input);
  await invalidatePublicPages();
  return { ok: true, id: created.id, slug };
}

async function inviteMembers(actor: Actor, seriesId: string | null, meetingId: string, input: CloneInput) {
  if (!input.inviteMembers || !seriesId) return;
  const members = await db.seriesMember.findMany({ where: { seriesId }, select: { agencyId: true } });
  await inviteAgencies(actor, meetingId, members.map((x) => x.agencyId));
}

/** The meeting form's values for an existing meeting: instants as wall-clock times in its zone. */
export function meetingFormDefaults(m: NonNullable<Awaited<ReturnType<typeof getMeetingForAdmin>>>) {
  const local = (d: Date | null) => toLocalInput(d, m.timeZone);
  return {
    title: m.title, slug: m.slug, description: m.description, seriesId: m.seriesId ?? "", venue: m.venue, room: m.room, city: m.city,
    timeZone: m.timeZone, startsAt: local(m.startsAt), endsAt: local(m.endsAt), format: m.format, onlineLink: m.onlineLink ?? "",
    languages: m.languages, capacity: m.capacity ?? "", visibility: m.visibility, organiserName: m.organiserName, organiserEmail: m.organiserEmail,
    fundingProgramme: m.fundingProgramme, approvalMode: m.approvalMode, registrationOpensAt: local(m.registrationOpensAt),
    registrationClosesAt: local(m.registrationClosesAt), retentionDays: m.retentionDays ?? "", reminderOffsets: m.reminderOffsets,
    participantListVisible: m.participantListVisible ? "on" : "",
  };
}

/** Defaults for a new meeting: a sensible zone and the organiser's usual settings. */
export function newMeetingDefaults(actor: Actor) {
  return {
    timeZone: "Europe/Brussels", format: "IN_PERSON", languages: "en", visibility: "PUBLIC", approvalMode: "AUTOMATIC",
    reminderOffsets: "7d,1d", retentionDays: 365, organiserName: actor.name, organiserEmail: actor.email,
  };
}

/** The header of a meeting's staff pages. */
export async function getMeetingHeader(id: string) {
  return db.meeting.findUnique({ where: { id }, select: { id: true, slug: true, title: true, status: true, startsAt: true, endsAt: true, timeZone: true } });
}
