import { db, type Prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/pagination";
import { formRefusal, type FieldErrors, type Outcome } from "~/utils/forms.server";
import { tFor } from "~/i18n/i18n.server";
import { key } from "~/i18n/translate";
import { audit, diffFields } from "~/domain/audit/audit.server";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { invalidatePublicPages, publicReference, writePublic } from "~/domain/meetings/public-cache.server";
import { slugify } from "~/domain/meetings/slug";
import { PUBLIC_STATUSES } from "~/domain/meetings/status";
import type { SeriesInput } from "./series.schema";
import { localize, translationsIn } from "~/domain/content/localized";
import type { Language } from "~/i18n/config";
import { withDateRange } from "~/utils/dates";

// A series (e.g. the Calais Group) groups the sessions of a standing body and names its member agencies.

export async function listSeries() {
  return db.series.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, description: true, _count: { select: { meetings: { where: { status: { in: [...PUBLIC_STATUSES] } } }, members: true } } },
  });
}

export async function seriesOptions() {
  const rows = await db.series.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } });
  return rows;
}

/** Public page: the series, its members and a page of its non-draft sessions (newest first), with their count. */
export function getPublicSeries(slug: string, language: Language = "en", page: { skip: number; take: number } = { skip: 0, take: PAGE_SIZE }) {
  // The same for every reader: public reference data (decision 093).
  return publicReference(`series ${language} ${page.skip} ${page.take} ${slug}`, () => readPublicSeries(slug, language, page));
}

async function readPublicSeries(slug: string, language: Language, page: { skip: number; take: number }) {
  // Members are read as agencies, beside the series rather than through it: three statements, not four,
  // and only what the page shows (a session is keyed by its slug, a member by its unique name). A standing
  // body meets for years: its sessions are shown a page at a time, the latest first.
  const sessions = { status: { in: [...PUBLIC_STATUSES] } } satisfies Prisma.MeetingWhereInput;
  // The sessions are counted on their own: a relation _count grouped every series' meetings first (2 ms).
  const [series, sessionCount, members] = await Promise.all([
    db.series.findUnique({
      where: { slug },
      select: {
        slug: true,
        name: true,
        description: true,
        meetings: {
          where: sessions,
          orderBy: [{ startsAt: "desc" }, { id: "asc" }],
          skip: page.skip,
          take: page.take,
          select: {
            slug: true, title: true, city: true, timeZone: true, startsAt: true, endsAt: true, status: true,
            language: true, translations: translationsIn(language, { title: true }),
          },
        },
      },
    }),
    db.meeting.count({ where: { ...sessions, series: { slug } } }),
    db.agency.findMany({ where: { seriesMemberships: { some: { series: { slug } } } }, select: { name: true, acronym: true, country: true }, orderBy: { sortName: "asc" } }),
  ]);
  // Session titles in the reader's language (decision 080); each session's dates sent as the one line the
  // page shows, not as two instants and a zone for the browser to revive and format again.
  if (!series) return null;
  return {
    ...series,
    sessionCount,
    meetings: series.meetings.map(({ language: original, ...m }) => withDateRange(localize(m, ["title"], language, original), language)),
    members,
  };
}

/** Every non-draft session of a series, for its iCalendar feed: titles and descriptions in the reader's language. */
export async function seriesCalendarData(slug: string, language: Language = "en") {
  const series = await db.series.findUnique({
    where: { slug },
    select: {
      name: true,
      meetings: {
        where: { status: { in: [...PUBLIC_STATUSES] } },
        orderBy: { startsAt: "asc" },
        select: {
          id: true, slug: true, title: true, description: true, venue: true, room: true, city: true, timeZone: true, startsAt: true, endsAt: true,
          status: true, icsSequence: true, organiserName: true, organiserEmail: true, updatedAt: true,
          language: true, translations: translationsIn(language, { title: true, description: true }),
        },
      },
    },
  });
  return (
    series && {
      ...series,
      meetings: series.meetings.map(({ language: original, ...m }) => {
        const { lang: _lang, ...meeting } = localize(m, ["title", "description"], language, original);
        return meeting;
      }),
    }
  );
}

export async function getSeriesForEdit(id: string) {
  return db.series.findUnique({ where: { id }, select: { id: true, slug: true, name: true, description: true, members: { select: { agencyId: true } } } });
}

async function validate(input: SeriesInput, slug: string, exceptId?: string) {
  const errors: FieldErrors = {};
  const clash = await db.series.findFirst({ where: { slug, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (clash) errors.slug = [key("admin:series.error.slugTaken")];
  const ids = [...new Set(input.memberIds ?? [])];
  if (ids.length) {
    const found = await db.agency.count({ where: { id: { in: ids } } });
    if (found !== ids.length) errors.memberIds = [key("admin:series.error.members")];
  }
  return Object.keys(errors).length ? errors : null;
}

export async function saveSeries(actor: Actor, id: string | null, input: SeriesInput): Promise<Outcome<{ id: string; slug: string }>> {
  assertCan(actor, "series:manage");
  const slug = input.slug || slugify(input.name);
  const fieldErrors = await validate(input, slug, id ?? undefined);
  if (fieldErrors) return { ok: false, fieldErrors };
  const memberIds = [...new Set(input.memberIds ?? [])].sort();
  const data = { name: input.name, slug, description: input.description ?? "" };
  const saved = await writePublic(async (tx) => {
    if (!id) {
      const row = await tx.series.create({ data: { ...data, members: { create: memberIds.map((agencyId) => ({ agencyId })) } }, select: { id: true } });
      await audit(tx, { userId: actor.id, entity: "Series", entityId: row.id, action: "create", after: { ...data, memberIds } });
      return row.id;
    }
    const before = await tx.series.findUniqueOrThrow({ where: { id }, select: { name: true, slug: true, description: true, members: { select: { agencyId: true } } } });
    const beforeAll = { name: before.name, slug: before.slug, description: before.description, memberIds: before.members.map((m) => m.agencyId).sort() };
    const diff = diffFields(beforeAll, { ...data, memberIds });
    if (!diff.changed) return id;
    await tx.series.update({ where: { id }, data });
    await tx.seriesMember.deleteMany({ where: { seriesId: id } });
    if (memberIds.length) await tx.seriesMember.createMany({ data: memberIds.map((agencyId) => ({ seriesId: id, agencyId })) });
    await audit(tx, { userId: actor.id, entity: "Series", entityId: id, action: "update", before: diff.before, after: diff.after });
    return id;
  });
  return { ok: true, id: saved, slug };
}

/** Deletes a series that has no meetings; a series with sessions keeps its history (the refusal, in `language`, says how many). */
export async function deleteSeries(actor: Actor, id: string, language: Language = "en"): Promise<Outcome<object>> {
  assertCan(actor, "series:manage");
  const result = await db.$transaction(async (tx): Promise<Outcome<object>> => {
    const series = await tx.series.findUnique({ where: { id }, select: { name: true, slug: true, _count: { select: { meetings: true } } } });
    if (!series) return formRefusal(key("admin:series.error.gone"));
    if (series._count.meetings > 0) {
      const t = tFor(language);
      return formRefusal(t("admin:series.error.hasMeetings", { name: series.name, count: series._count.meetings }));
    }
    await tx.series.delete({ where: { id } });
    await audit(tx, { userId: actor.id, entity: "Series", entityId: id, action: "delete", before: { name: series.name, slug: series.slug } });
    return { ok: true };
  });
  if (result.ok) await invalidatePublicPages();
  return result;
}
