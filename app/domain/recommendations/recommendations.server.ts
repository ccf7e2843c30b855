import { audit, diffFields } from "~/domain/audit/audit.server";
import { key } from "~/i18n/translate";
import { assertCan, requireAgencyScope } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { Prisma } from "~/generated/prisma/client.ts";
import { containsText, db, dialect, likeEscaped, type Tx } from "~/utils/db.server";
import { formatShortDate, fromDateInput, toDateInput } from "~/utils/dates";
import { Refused, fieldRefusal, type FieldErrors, type Outcome } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { writePublic } from "~/domain/meetings/public-cache.server";
import { asLanguage, type Language } from "~/i18n/config";
import { evidenceFileSelect, evidenceFileView } from "./evidence.server";
import type { RecommendationInput, TransitionInput } from "./recommendation.schema";
import { localizeText, localizeTheme, localizeTitle, missingOf, recommendationTextIn, recommendationTitleIn, themeNameIn } from "./translations.server";
import { CLOSED_STATUSES, CLOSING_STATUSES, PUBLIC_STATUSES, STATUSES, canTransition, isOverdue, isPriority, isStatus, type Priority, type Status } from "./status";

// Recommendations: who may see them, creating and editing them, and the status workflow.
//
// Visibility (decision record 031): the secretariat and organisers see everything; a focal point
// sees only the recommendations their agency leads or supports, with their progress updates and
// history; participants and visitors see the tracking pages not at all (only adopted
// recommendations on public meeting pages).

// ---------------------------------------------------------------- access

/** Prisma filter for the recommendations an actor may see: all, or those their agency leads or supports. */
export function visibleTo(actor: Actor): Prisma.RecommendationWhereInput {
  const { agencyId } = requireAgencyScope(actor, "recommendations:view");
  if (!agencyId) return {};
  return { OR: [{ leadAgencyId: agencyId }, { supporters: { some: { agencyId } } }] };
}

/**
 * Throws 404 for an unknown id and 403 unless the actor has the capability on the recommendation
 * (for a focal point: their agency leads or supports it).
 */
export async function requireVisibleRecommendation(actor: Actor, id: string, capability: "recommendations:view" | "recommendations:progress" = "recommendations:view") {
  const rec = await db.recommendation.findUnique({ where: { id }, select: { leadAgencyId: true, supporters: { select: { agencyId: true } } } });
  if (!rec) notFound(key("recommendations:error.recommendationNotFound"));
  assertCan(actor, capability, { agencyId: rec.leadAgencyId, agencyIds: rec.supporters.map((s) => s.agencyId) }, "This recommendation is not led or supported by your agency.");
}

// ---------------------------------------------------------------- lists and filters

export type Filters = {
  q?: string;
  status?: Status;
  agency?: string;
  theme?: string;
  meeting?: string;
  priority?: Priority;
  overdue?: boolean;
};

export function filtersFrom(url: URL): Filters {
  const get = (k: string) => {
    const v = url.searchParams.get(k)?.trim();
    return v && v.length <= 200 ? v : undefined;
  };
  const status = get("status");
  const priority = get("priority");
  return {
    q: get("q"),
    status: isStatus(status) ? status : undefined,
    agency: get("agency"),
    theme: get("theme"),
    meeting: get("meeting"),
    priority: isPriority(priority) ? priority : undefined,
    overdue: url.searchParams.get("overdue") === "1",
  };
}

/** Overdue: due before now and not closed. As written it lets the database walk due dates in order (the dashboard's longest overdue). */
export function overdueWhere(now = new Date()): Prisma.RecommendationWhereInput {
  return { dueDate: { lt: now }, status: { notIn: CLOSED_STATUSES } };
}

const NOT_CLOSED_STATUSES: Status[] = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

/** The recommendations an actor may see that match the filters. */
export function whereFor(actor: Actor, f: Filters): Prisma.RecommendationWhereInput {
  const and: Prisma.RecommendationWhereInput[] = [visibleTo(actor)];
  if (f.q) and.push({ OR: [{ code: containsText(f.q) }, { title: containsText(f.q) }, { text: containsText(f.q) }] });
  if (f.status) and.push({ status: f.status });
  if (f.agency) and.push({ leadAgencyId: f.agency });
  if (f.theme) and.push({ themes: { some: { themeId: f.theme } } });
  if (f.meeting) and.push({ OR: [{ meetingId: f.meeting }, { reviews: { some: { meetingId: f.meeting } } }] });
  if (f.priority) and.push({ priority: f.priority });
  if (f.overdue) and.push(overdueWhere());
  return { AND: and };
}

/**
 * `whereFor` as SQL, a condition on "Recommendation" r: for the queries Prisma cannot express (the
 * list's order by meeting date, the implementation rate). Keep the two in step; the tests compare
 * them on both databases.
 */
export function filterSql(actor: Actor, f: Filters, now = new Date()): Prisma.Sql {
  const and = filterConditions(actor, f, now);
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`1 = 1`;
}

/** The conditions of `filterSql`, none when nothing is filtered. */
function filterConditions(actor: Actor, f: Filters, now: Date): Prisma.Sql[] {
  const { agencyId } = requireAgencyScope(actor, "recommendations:view");
  const and: Prisma.Sql[] = [];
  if (agencyId) {
    and.push(Prisma.sql`(r."leadAgencyId" = ${agencyId} OR EXISTS (SELECT 1 FROM "RecommendationSupporter" s WHERE s."recommendationId" = r."id" AND s."agencyId" = ${agencyId}))`);
  }
  if (f.q) {
    const like = dialect() === "postgresql" ? Prisma.sql`ILIKE` : Prisma.sql`LIKE`;
    const pattern = `%${likeEscaped(f.q)}%`;
    const match = (column: string) => Prisma.sql`r.${Prisma.raw(`"${column}"`)} ${like} ${pattern} ESCAPE ${"\\"}`;
    and.push(Prisma.sql`(${match("code")} OR ${match("title")} OR ${match("text")})`);
  }
  // CAST: the status and priority columns may be enumerations on PostgreSQL, compared with a text parameter.
  if (f.status) and.push(Prisma.sql`CAST(r."status" AS TEXT) = ${f.status}`);
  if (f.agency) and.push(Prisma.sql`r."leadAgencyId" = ${f.agency}`);
  if (f.theme) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationTheme" t WHERE t."recommendationId" = r."id" AND t."themeId" = ${f.theme})`);
  if (f.meeting) {
    and.push(Prisma.sql`(r."meetingId" = ${f.meeting} OR EXISTS (SELECT 1 FROM "RecommendationReview" v WHERE v."recommendationId" = r."id" AND v."meetingId" = ${f.meeting}))`);
  }
  if (f.priority) and.push(Prisma.sql`CAST(r."priority" AS TEXT) = ${f.priority}`);
  if (f.overdue) and.push(Prisma.sql`r."dueDate" < ${now} AND CAST(r."status" AS TEXT) NOT IN (${Prisma.join(CLOSED_STATUSES)})`);
  return and;
}

/**
 * How many recommendations the actor may see that match the filters. A bare COUNT(*): Prisma's count()
 * wraps the query in a subquery that makes SQLite step through every row, and without any condition
 * SQLite counts the table from its pages alone (the secretariat's unfiltered list).
 */
export async function countRecommendations(actor: Actor, f: Filters, now = new Date()): Promise<number> {
  const and = filterConditions(actor, f, now);
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS n FROM "Recommendation" r ${and.length ? Prisma.sql`WHERE ${Prisma.join(and, " AND ")}` : Prisma.empty}`;
  return Number(n);
}

/**
 * How many of the recommendations `filterSql` matches are overdue (overdueWhere). Naming the statuses that
 * are not closed, compared as stored, lets SQLite count from the (status, dueDate) index alone; Prisma's
 * count() selects each row's id, which that index does not hold, so it read all 30,000 overdue rows of the
 * `--scale 3` data (decision 090).
 */
export async function countOverdue(actor: Actor, f: Filters, now = new Date()): Promise<number> {
  const and = filterConditions(actor, { ...f, overdue: false }, now);
  // PostgreSQL compares an enumeration with text only through a cast; SQLite stores the status as text.
  const status = dialect() === "postgresql" ? Prisma.sql`CAST(r."status" AS TEXT)` : Prisma.sql`r."status"`;
  and.push(Prisma.sql`r."dueDate" < ${now} AND ${status} IN (${Prisma.join(NOT_CLOSED_STATUSES)})`);
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Recommendation" r WHERE ${Prisma.join(and, " AND ")}`;
  return Number(n);
}

/**
 * One row of a recommendation table (the dashboard's overdue list, a meeting's tab, the printable
 * report): every such table selects this and adds what only it shows. The title comes with the
 * reader's translation: `localizeTitle(row, language)` gives it in the reader's language (decision 080).
 */
export const recommendationRowSelect = (language: Language) =>
  ({
    id: true,
    code: true,
    title: true,
    status: true,
    progress: true,
    dueDate: true,
    leadAgency: { select: { acronym: true } },
    meeting: { select: { title: true, timeZone: true } },
    ...recommendationTitleIn(language),
  }) satisfies Prisma.RecommendationSelect;

/**
 * A page of the list, latest meeting first. The page's ids come from SQL: Prisma's order by a
 * relation is a left join that sorts every recommendation first. Meetings come first in the join
 * (SQLite keeps the written order of a CROSS JOIN), so the database walks meetings by date
 * (index), takes each one's recommendations in code order (index) and stops after the page.
 * `latestMeetingStart` (from filterOptions) starts the walk at the latest meeting with
 * recommendations instead of probing every later meeting first (decision 090).
 */
export async function listRecommendations(actor: Actor, f: Filters, page: { skip: number; take: number }, language: Language, latestMeetingStart: Date | null = null) {
  const now = new Date();
  const [ids, total] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT r."id" FROM "Meeting" m CROSS JOIN "Recommendation" r
      WHERE m."id" = r."meetingId" AND ${filterSql(actor, f, now)}${latestMeetingStart ? Prisma.sql` AND m."startsAt" <= ${latestMeetingStart}` : Prisma.empty}
      ORDER BY m."startsAt" DESC, r."code" ASC
      LIMIT ${page.take} OFFSET ${page.skip}`,
    countRecommendations(actor, f, now),
  ]);
  const rows = await db.recommendation.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: { ...recommendationRowSelect(language), priority: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
  return { items: items.map((r) => ({ ...localizeTitle(r, language), overdue: isOverdue(r, now) })), total };
}

export const CSV_HEADER = ["code", "title", "text", "rationale", "themes", "meeting", "lead_agency", "supporting_agencies", "priority", "due_date", "status", "progress", "closing_evidence", "language"];

/**
 * The same columns the import reads, plus progress and evidence, so an export can be edited and re-imported.
 * Title and text are in one language per row, said in the `language` column (decision 089): the reader's
 * when both are translated into it, else the original's for both (a row half translated would be imported
 * as one language). Theme names are in the reader's language where translated (the import knows both).
 */
export async function recommendationsCsvRows(actor: Actor, f: Filters, language: Language): Promise<unknown[][]> {
  const rows = await db.recommendation.findMany({
    where: whereFor(actor, f),
    orderBy: [{ meeting: { startsAt: "asc" } }, { code: "asc" }],
    select: {
      code: true,
      title: true,
      text: true,
      rationale: true,
      priority: true,
      dueDate: true,
      status: true,
      progress: true,
      closingEvidence: true,
      meeting: { select: { slug: true, timeZone: true } },
      leadAgency: { select: { acronym: true } },
      supporters: { select: { agency: { select: { acronym: true } } } },
      themes: { select: { theme: { select: { name: true, ...themeNameIn(language) } } } },
      ...recommendationTextIn(language),
    },
    take: 20_000,
  });
  return rows.map((r) => {
    const shown = localizeText(r, language);
    const whole = shown.lang.title === shown.lang.text;
    return [
      r.code,
      whole ? shown.title : r.title,
      whole ? shown.text : r.text,
      r.rationale,
      r.themes.map((t) => localizeTheme(t.theme, language).name).join(";"),
      r.meeting.slug,
      r.leadAgency.acronym,
      r.supporters.map((s) => s.agency.acronym).join(";"),
      r.priority,
      toDateInput(r.dueDate, r.meeting.timeZone),
      r.status,
      r.progress,
      r.closingEvidence,
      whole ? shown.lang.text : asLanguage(r.language),
    ];
  });
}

/** How many meetings the recording and review forms offer (the latest ones). */
const MEETING_CHOICES = 500;

/**
 * How many meetings the list filters offer: the latest ones, plus the chosen one. Older meetings are
 * reached from their own Recommendations tab ("Open in the list"), so the page does not grow with
 * the number of meetings.
 */
export const FILTER_MEETINGS = 20;

const meetingLabel = (m: { title: string; startsAt: Date; timeZone: string }) => `${m.title} (${formatShortDate(m.startsAt, m.timeZone)})`;

/** Agencies to choose from, by acronym. */
export async function agencyChoices() {
  const agencies = await db.agency.findMany({ orderBy: { acronym: "asc" }, select: { id: true, acronym: true, name: true }, take: 2000 });
  return agencies.map((a) => ({ id: a.id, label: a.acronym === a.name ? a.name : `${a.acronym} — ${a.name}` }));
}

/** Agencies, and themes by name in the reader's language (with `lang` where it is the other one). */
async function agencyAndThemeChoices(language: Language) {
  const [agencies, rows] = await Promise.all([agencyChoices(), db.theme.findMany({ select: { id: true, name: true, ...themeNameIn(language) } })]);
  const themes = rows.map((th) => localizeTheme(th, language)).sort((a, b) => a.name.localeCompare(b.name, language));
  return { agencies, themes };
}

/**
 * Choices for the list filters: the latest meetings where recommendations were made or reviewed
 * (FILTER_MEETINGS of them, and the chosen meeting whatever its date), agencies and themes. The
 * database keeps which meetings have any (`Meeting.hasRecommendations`, decision 092), so they are read
 * from its index, not found by probing every later meeting. `latestMeetingStart`, the start of the
 * first one found (null when none), is not a choice: no recommendation belongs to a later meeting, so
 * the list's and the dashboard's own walks by date start there (decision 090).
 */
export async function filterOptions(chosenMeetingId: string | undefined, language: Language) {
  const select = { id: true, title: true, startsAt: true, timeZone: true } as const;
  const [latest, chosen, rest] = await Promise.all([
    db.meeting.findMany({
      where: { hasRecommendations: true },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      select,
      take: FILTER_MEETINGS,
    }),
    chosenMeetingId ? db.meeting.findUnique({ where: { id: chosenMeetingId }, select }) : null,
    agencyAndThemeChoices(language),
  ]);
  const meetings = chosen && !latest.some((m) => m.id === chosen.id) ? [...latest, chosen] : latest;
  return { meetings: meetings.map((m) => ({ id: m.id, label: meetingLabel(m) })), ...rest, latestMeetingStart: latest[0]?.startsAt ?? null };
}

/** Choices for the recording and review forms, which also pick an agenda item of the meeting. */
export async function formOptions(language: Language) {
  const [meetings, rest] = await Promise.all([
    db.meeting.findMany({
      orderBy: { startsAt: "desc" },
      select: { id: true, slug: true, title: true, startsAt: true, timeZone: true, seriesId: true, agendaItems: { orderBy: [{ startsAt: "asc" }, { position: "asc" }], select: { id: true, title: true } } },
      take: MEETING_CHOICES,
    }),
    agencyAndThemeChoices(language),
  ]);
  return { meetings: meetings.map((m) => ({ ...m, label: meetingLabel(m) })), ...rest };
}

/**
 * Choices for the recording and editing form: the meetings, and the agenda items of the chosen meeting
 * only (none until one is chosen); the form reloads them when the meeting changes.
 */
export async function recommendationFormOptions(meetingIdOrSlug: string | null, language: Language) {
  const wanted = meetingIdOrSlug && meetingIdOrSlug.length <= 80 ? meetingIdOrSlug : null;
  const chosen = wanted ? ((await db.meeting.findFirst({ where: { OR: [{ id: wanted }, { slug: wanted }] }, select: { id: true } }))?.id ?? null) : null;
  const [meetings, agendaItems, rest] = await Promise.all([
    db.meeting.findMany({ orderBy: { startsAt: "desc" }, select: { id: true, slug: true, title: true, startsAt: true, timeZone: true, seriesId: true }, take: MEETING_CHOICES }),
    chosen ? db.agendaItem.findMany({ where: { meetingId: chosen }, orderBy: [{ startsAt: "asc" }, { position: "asc" }], select: { id: true, title: true } }) : [],
    agencyAndThemeChoices(language),
  ]);
  return { meetings: meetings.map((m) => ({ id: m.id, label: meetingLabel(m) })), meetingId: chosen, agendaItems, ...rest };
}

// ---------------------------------------------------------------- detail

/**
 * A recommendation with everything its page shows. `shown` is its title and text in the reader's
 * language (with `lang`), `missing` what is not translated into its other language yet (for staff);
 * the columns themselves stay the original's (the edit form).
 */
export async function getRecommendationDetail(actor: Actor, id: string, language: Language) {
  await requireVisibleRecommendation(actor, id);
  const r = await db.recommendation.findUniqueOrThrow({
    where: { id },
    include: {
      meeting: { select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, timeZone: true, city: true } },
      agendaItem: { select: { id: true, title: true } },
      leadAgency: { select: { id: true, acronym: true, name: true } },
      supporters: { select: { agency: { select: { id: true, acronym: true, name: true } } } },
      themes: { select: { theme: { select: { id: true, name: true, ...themeNameIn(language) } } } },
      supersededBy: { select: { id: true, code: true, title: true, ...recommendationTitleIn(language) } },
      supersedes: { select: { id: true, code: true, title: true } },
      // At most one row per language other than the original's: the reader's and the missing notice need it.
      translations: { select: { language: true, title: true, text: true } },
      statusChanges: { orderBy: { createdAt: "asc" } },
      updates: {
        orderBy: { createdAt: "desc" },
        include: { agency: { select: { acronym: true } }, reviewedBy: { select: { name: true } }, evidenceFile: evidenceFileSelect },
      },
      reviews: {
        orderBy: { meeting: { startsAt: "asc" } },
        include: {
          meeting: { select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, timeZone: true, city: true } },
          agendaItem: { select: { title: true } },
        },
      },
    },
  });
  const userIds = [...new Set(r.statusChanges.map((c) => c.userId).filter((x): x is string => !!x))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  // Every meeting where it was made or reviewed, in date order.
  const meetings = [
    { kind: "MADE" as const, meeting: r.meeting, agendaItem: r.agendaItem?.title ?? null, outcome: "", reviewId: null as string | null },
    ...r.reviews.map((v) => ({ kind: "REVIEWED" as const, meeting: v.meeting, agendaItem: v.agendaItem?.title ?? null, outcome: v.outcome, reviewId: v.id as string | null })),
  ].sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
  const { translations, ...rest } = r;
  return {
    ...rest,
    shown: localizeText(r, language),
    missing: missingOf({ ...r, translations }),
    themes: r.themes.map((th) => ({ theme: localizeTheme(th.theme, language) })),
    supersededBy: r.supersededBy ? localizeTitle(r.supersededBy, language) : null,
    overdue: isOverdue(r),
    statusChanges: r.statusChanges.map((c) => ({ ...c, userName: c.userId ? (names.get(c.userId) ?? "") : "" })),
    updates: r.updates.map((u) => ({ ...u, evidenceFile: evidenceFileView(u.evidenceFile, language) })),
    meetings,
  };
}

// ---------------------------------------------------------------- create and edit

/** Suggests the next free code for a meeting, e.g. BRU-2026-03 for the third of the Brussels meeting. */
export async function suggestCode(meetingId: string): Promise<string> {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: { city: true, title: true, startsAt: true, timeZone: true } });
  if (!m) return "";
  const word = (m.city || m.title).normalize("NFD").replace(/[^A-Za-z]/g, "").toUpperCase();
  const prefix = `${word.slice(0, 3) || "REC"}-${toDateInput(m.startsAt, m.timeZone).slice(0, 4)}-`;
  const taken = await db.recommendation.findMany({ where: { code: { startsWith: prefix } }, select: { code: true } });
  const used = new Set(taken.map((t) => t.code));
  let n = 1;
  while (used.has(`${prefix}${String(n).padStart(2, "0")}`)) n++;
  return `${prefix}${String(n).padStart(2, "0")}`;
}

type Resolved = {
  data: {
    code: string;
    title: string;
    text: string;
    rationale: string;
    meetingId: string;
    agendaItemId: string | null;
    leadAgencyId: string;
    priority: Priority;
    dueDate: Date | null;
  };
  supporterIds: string[];
  themeIds: string[];
  meetingSeriesId: string | null;
};

/** The database checks of the form, as field errors. */
async function resolveInput(tx: Tx, input: RecommendationInput, existingId: string | null): Promise<Outcome<{ value: Resolved }>> {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  const clash = await tx.recommendation.findUnique({ where: { code: input.code }, select: { id: true } });
  if (clash && clash.id !== existingId) add("code", key("recommendations:error.codeTaken"));

  const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { id: true, startsAt: true, timeZone: true, seriesId: true } });
  if (!meeting) add("meetingId", key("recommendations:error.meetingFromList"));
  if (meeting && input.agendaItemId) {
    const item = await tx.agendaItem.findUnique({ where: { id: input.agendaItemId }, select: { meetingId: true } });
    if (!item || item.meetingId !== meeting.id) add("agendaItemId", key("recommendations:error.agendaItemOfMeeting"));
  }
  const lead = await tx.agency.findUnique({ where: { id: input.leadAgencyId }, select: { id: true } });
  if (!lead) add("leadAgencyId", key("recommendations:error.leadFromList"));

  const supporterIds = [...new Set(input.supportingAgencyIds.filter((a) => a && a !== input.leadAgencyId))];
  if (supporterIds.length) {
    const found = await tx.agency.count({ where: { id: { in: supporterIds } } });
    if (found !== supporterIds.length) add("supportingAgencyIds", key("recommendations:error.supportersFromList"));
  }
  const themeIds = [...new Set(input.themeIds.filter(Boolean))];
  if (themeIds.length) {
    const found = await tx.theme.count({ where: { id: { in: themeIds } } });
    if (found !== themeIds.length) add("themeIds", key("recommendations:error.themesFromList"));
  }

  let dueDate: Date | null = null;
  if (input.dueDate && meeting) {
    dueDate = fromDateInput(input.dueDate, meeting.timeZone);
    const meetingDay = toDateInput(meeting.startsAt, meeting.timeZone);
    if (!dueDate) add("dueDate", key("recommendations:error.realDate"));
    else if (input.dueDate < meetingDay) add("dueDate", key("recommendations:error.dueBeforeMeeting"));
  }
  if (Object.keys(errors).length || !meeting) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    value: {
      data: {
        code: input.code,
        title: input.title,
        text: input.text,
        rationale: input.rationale ?? "",
        meetingId: meeting.id,
        agendaItemId: input.agendaItemId || null,
        leadAgencyId: input.leadAgencyId,
        priority: input.priority,
        dueDate,
      },
      supporterIds,
      themeIds,
      meetingSeriesId: meeting.seriesId,
    },
  };
}

/** Creates a recommendation inside a transaction the caller owns (the import saves row by row). */
export async function createRecommendationTx(
  tx: Tx,
  actor: Actor,
  input: RecommendationInput,
  initial: { status?: Status; progress?: number; closingEvidence?: string; language?: Language } = {},
): Promise<Outcome> {
  const resolved = await resolveInput(tx, input, null);
  if (!resolved.ok) return resolved;
  const { supporterIds, themeIds } = resolved.value;
  // The title and text are the original, in `language` (the column's default, English, when not said).
  const data = initial.language ? { ...resolved.value.data, language: initial.language } : resolved.value.data;
  const rec = await tx.recommendation.create({
    data: {
      ...data,
      supporters: { create: supporterIds.map((agencyId) => ({ agencyId })) },
      themes: { create: themeIds.map((themeId) => ({ themeId })) },
    },
    select: { id: true },
  });
  await tx.recommendationStatusChange.create({ data: { recommendationId: rec.id, fromStatus: null, toStatus: "PROPOSED", progress: 0, userId: actor.id, note: "Recorded" } });
  await audit(tx, { userId: actor.id, entity: "Recommendation", entityId: rec.id, meetingId: data.meetingId, action: "create", after: { ...data, supporterIds, themeIds } });
  if (initial.status && initial.status !== "PROPOSED") {
    await walkToStatus(tx, actor, rec.id, initial.status, initial.progress, initial.closingEvidence ?? "");
  }
  return { ok: true, id: rec.id };
}

export async function createRecommendation(actor: Actor, input: RecommendationInput): Promise<Outcome> {
  assertCan(actor, "recommendations:manage");
  return writePublic((tx) => createRecommendationTx(tx, actor, input));
}

export async function updateRecommendation(actor: Actor, id: string, input: RecommendationInput): Promise<Outcome> {
  assertCan(actor, "recommendations:manage");
  return writePublic(async (tx) => {
    const before = await tx.recommendation.findUnique({
      where: { id },
      include: { supporters: { select: { agencyId: true } }, themes: { select: { themeId: true } } },
    });
    if (!before) notFound(key("recommendations:error.recommendationNotFound"));
    const resolved = await resolveInput(tx, input, id);
    if (!resolved.ok) return resolved;
    const { data, supporterIds, themeIds } = resolved.value;
    await tx.recommendation.update({ where: { id }, data });
    await tx.recommendationSupporter.deleteMany({ where: { recommendationId: id } });
    await tx.recommendationSupporter.createMany({ data: supporterIds.map((agencyId) => ({ recommendationId: id, agencyId })) });
    await tx.recommendationTheme.deleteMany({ where: { recommendationId: id } });
    await tx.recommendationTheme.createMany({ data: themeIds.map((themeId) => ({ recommendationId: id, themeId })) });
    const beforeFields = {
      code: before.code,
      title: before.title,
      text: before.text,
      rationale: before.rationale,
      meetingId: before.meetingId,
      agendaItemId: before.agendaItemId,
      leadAgencyId: before.leadAgencyId,
      priority: before.priority,
      dueDate: before.dueDate,
      supporterIds: before.supporters.map((s) => s.agencyId).sort(),
      themeIds: before.themes.map((t) => t.themeId).sort(),
    };
    const diff = diffFields(beforeFields, { ...data, supporterIds: [...supporterIds].sort(), themeIds: [...themeIds].sort() });
    if (diff.changed) await audit(tx, { userId: actor.id, entity: "Recommendation", entityId: id, meetingId: data.meetingId, action: "update", before: diff.before, after: diff.after });
    return { ok: true, id };
  });
}

// ---------------------------------------------------------------- status workflow

/**
 * Moves a recommendation to a new status (or records new progress in the same status), enforcing
 * the workflow of status.ts. Writes the status history row and the audit entry in the caller's
 * transaction, so a refused change leaves nothing behind. Throws Refused, naming the form field.
 */
export async function applyStatusChange(
  tx: Tx,
  actor: Actor,
  id: string,
  change: Omit<TransitionInput, "toStatus"> & { toStatus: string },
): Promise<void> {
  const rec = await tx.recommendation.findUnique({ where: { id }, select: { id: true, status: true, progress: true, meetingId: true, closingEvidence: true } });
  if (!rec) throw new Refused(fieldRefusal("toStatus", key("recommendations:error.recommendationNotFound")));
  const to = change.toStatus;
  if (!isStatus(to)) throw new Refused(fieldRefusal("toStatus", key("recommendations:error.statusFromList")));
  const sameStatus = to === rec.status;
  if (!sameStatus && !canTransition(rec.status, to)) {
    throw new Refused(fieldRefusal("toStatus", key("recommendations:error.transitionNotAllowed")));
  }
  if (sameStatus && CLOSED_STATUSES.includes(rec.status)) {
    throw new Refused(fieldRefusal("toStatus", key("recommendations:error.closedNoProgress")));
  }
  const evidence = (change.closingEvidence ?? "").trim();
  if (!sameStatus && CLOSING_STATUSES.includes(to)) {
    if (!evidence) throw new Refused(fieldRefusal("closingEvidence", key("recommendations:error.closingEvidence")));
  }
  let supersededById: string | null = null;
  if (to === "SUPERSEDED" && !sameStatus) {
    const code = (change.supersededByCode ?? "").trim();
    if (!code) throw new Refused(fieldRefusal("supersededByCode", key("recommendations:error.supersededByRequired")));
    const other = await tx.recommendation.findUnique({ where: { code }, select: { id: true } });
    if (!other) throw new Refused(fieldRefusal("supersededByCode", key("recommendations:error.supersededByUnknown")));
    if (other.id === id) throw new Refused(fieldRefusal("supersededByCode", "A recommendation cannot supersede itself."));
    supersededById = other.id;
  }
  const progress = to === "IMPLEMENTED" ? 100 : (change.progress ?? rec.progress);
  if (sameStatus && progress === rec.progress) throw new Refused(fieldRefusal("toStatus", key("recommendations:error.nothingChanged")));
  const closing = !sameStatus && CLOSED_STATUSES.includes(to);
  const data = {
    status: to,
    progress,
    ...(closing ? { closedAt: new Date() } : {}),
    ...(evidence && !sameStatus && CLOSING_STATUSES.includes(to) ? { closingEvidence: evidence } : {}),
    ...(supersededById ? { supersededById } : {}),
  };
  await tx.recommendation.update({ where: { id }, data });
  await tx.recommendationStatusChange.create({
    data: { recommendationId: id, fromStatus: rec.status, toStatus: to, progress, userId: actor.id, note: change.note ?? "" },
  });
  await audit(tx, {
    userId: actor.id,
    entity: "Recommendation",
    entityId: id,
    meetingId: rec.meetingId,
    action: sameStatus ? "progress" : "status",
    before: { status: rec.status, progress: rec.progress },
    after: { ...data, note: change.note ?? "" },
  });
}

/** The status change form of the secretariat. */
export async function changeStatus(actor: Actor, id: string, change: TransitionInput): Promise<Outcome> {
  assertCan(actor, "recommendations:manage");
  try {
    await writePublic((tx) => applyStatusChange(tx, actor, id, change));
    return { ok: true, id };
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}

const PATH_TO: Record<Status, Status[]> = {
  PROPOSED: [],
  ADOPTED: ["ADOPTED"],
  NOT_ADOPTED: ["NOT_ADOPTED"],
  IN_PROGRESS: ["ADOPTED", "IN_PROGRESS"],
  IMPLEMENTED: ["ADOPTED", "IN_PROGRESS", "IMPLEMENTED"],
  PARTIALLY_IMPLEMENTED: ["ADOPTED", "IN_PROGRESS", "PARTIALLY_IMPLEMENTED"],
  NOT_IMPLEMENTED: ["ADOPTED", "IN_PROGRESS", "NOT_IMPLEMENTED"],
  SUPERSEDED: ["SUPERSEDED"],
};

/** Imports arrive with a current status: walk the workflow to it so the history stays complete. */
async function walkToStatus(tx: Tx, actor: Actor, id: string, status: Status, progress: number | undefined, evidence: string) {
  const steps = PATH_TO[status];
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    await applyStatusChange(tx, actor, id, { toStatus: step, progress: last ? progress : undefined, closingEvidence: evidence, note: "Imported" });
  }
}

// ---------------------------------------------------------------- public meeting page

const PUBLIC_STATUSES_SQL = Prisma.raw(PUBLIC_STATUSES.map((s) => `'${s}'`).join(", "));

type MeetingPageRow = {
  id: string; code: string; title: string; text: string; language: string; trTitle: string | null; trText: string | null; status: Status; progress: number | bigint;
  leadAcronym: string; leadName: string; madeAt: string; outcome: string | null; made: number | bigint;
};

/**
 * Recommendations made or reviewed at a meeting, for its public page: adopted or later only, never
 * progress updates or evidence (those stay with the tracking pages), and only the fields each list shows.
 * One statement for both lists: with Prisma's relation reads it was six, run on every meeting page.
 */
export async function listRecommendationsForMeetingPage(meetingId: string, language: Language) {
  // The reader's translation comes in the same statement (decision 080): a left join on its one row.
  const rows = await db.$queryRaw<MeetingPageRow[]>`
    SELECT r."id", r."code", r."title", r."text", r."language", tr."title" AS "trTitle", tr."text" AS "trText", r."status", r."progress",
      a."acronym" AS "leadAcronym", a."name" AS "leadName", m."title" AS "madeAt", NULL AS "outcome", 1 AS "made"
    FROM "Recommendation" r JOIN "Agency" a ON a."id" = r."leadAgencyId" JOIN "Meeting" m ON m."id" = r."meetingId"
      LEFT JOIN "RecommendationTranslation" tr ON tr."recommendationId" = r."id" AND tr."language" = ${language}
    WHERE r."meetingId" = ${meetingId} AND r."status" IN (${PUBLIC_STATUSES_SQL})
    UNION ALL
    SELECT r."id", r."code", r."title", r."text", r."language", tr."title", tr."text", r."status", r."progress", a."acronym", a."name", m."title", v."outcome", 0
    FROM "RecommendationReview" v JOIN "Recommendation" r ON r."id" = v."recommendationId"
      JOIN "Agency" a ON a."id" = r."leadAgencyId" JOIN "Meeting" m ON m."id" = r."meetingId"
      LEFT JOIN "RecommendationTranslation" tr ON tr."recommendationId" = r."id" AND tr."language" = ${language}
    WHERE v."meetingId" = ${meetingId} AND r."status" IN (${PUBLIC_STATUSES_SQL})
    ORDER BY "code"`;
  const made = [];
  const reviewed = [];
  for (const row of rows) {
    const translations = row.trTitle !== null || row.trText !== null ? [{ language, title: row.trTitle ?? "", text: row.trText ?? "" }] : [];
    const r = localizeText({ ...row, translations }, language);
    const progress = Number(r.progress);
    if (Number(r.made)) made.push({ id: r.id, code: r.code, title: r.title, text: r.text, lang: r.lang, status: r.status, progress, leadAgency: { acronym: r.leadAcronym, name: r.leadName } });
    else reviewed.push({ id: r.id, code: r.code, title: r.title, lang: r.lang, status: r.status, progress, leadAcronym: r.leadAcronym, madeAt: r.madeAt, outcome: r.outcome ?? "" });
  }
  return { made, reviewed };
}
