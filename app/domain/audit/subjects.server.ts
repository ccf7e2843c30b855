import { db } from "~/utils/db.server";
import { changeLines, describeAudit, type Segment, type Subject } from "./describe";
import { localized, translationsIn } from "~/domain/content/localized";
import { localizeTheme, themeNameIn } from "~/domain/recommendations/translations.server";
import type { Language } from "~/i18n/config";
import type { T } from "~/i18n/translate";

// Names and links of the things a page of audit entries is about: one query per kind of record on
// the page (a page has 50 entries at most), never one per entry. A thing deleted since is named from
// the entry's snapshot, without a link.

type Entry = { id: string; createdAt: Date; entity: string; entityId: string; meetingId: string | null; action: string; before: unknown; after: unknown; user: { name: string } | null };
/** What a page shows of an entry: when, the sentence, and the changed values as lines (not the snapshots). */
export type DescribedEntry = { id: string; createdAt: Date; sentence: Segment[]; changes: string[] };

// Names that have translations (meetings' and agenda items' titles, themes' names, follow-ups' subjects)
// are in the reader's language where translated, else the original's, with its `lang` (decision 080). An
// agenda item is written in its meeting's language. Recommendations are named by their code.
const meetingTitleIn = (language: Language) => ({ title: true, language: true, translations: translationsIn(language, { title: true }) }) as const;
type Titled = { title: string; language: string; translations?: { language: string; title: string }[] };
function named(m: Titled, reader: Language): Pick<Subject, "label" | "lang"> {
  const { text, lang } = localized(m, "title", reader, m.language);
  return { label: text, lang };
}
type Item = { id: string; title: string; meetingId: string; meeting: { language: string }; translations: { language: string; title: string }[] };
type FollowUp = { id: string; subject: string; meetingId: string; language: string; translations: { language: string; subject: string }[] };

const ids = (entries: Entry[], entity: string) => [...new Set(entries.filter((e) => e.entity === entity).map((e) => e.entityId))];
const str = (v: unknown, key: string) => (v && typeof v === "object" && key in v ? String((v as Record<string, unknown>)[key] ?? "") : "");

async function lookUp(entries: Entry[], language: Language): Promise<{ subjects: Map<string, Subject>; meetings: Map<string, Subject> }> {
  const subjects = new Map<string, Subject>();
  const put = (entity: string, id: string, s: Subject) => subjects.set(`${entity}:${id}`, s);
  const meetingIds = [...new Set([...entries.map((e) => e.meetingId), ...entries.filter((e) => e.entity === "Meeting" || e.entity === "Agenda").map((e) => e.entityId)].filter((x): x is string => !!x))];
  const want = (entity: string) => ids(entries, entity);
  const none = <T,>() => Promise.resolve([] as T[]);
  const [meetings, agencies, items, delegations, followUps, messages, updates, recs, reviews, registrations, series, users, summaries, themes] = await Promise.all([
    meetingIds.length ? db.meeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true, ...meetingTitleIn(language) } }) : none<Titled & { id: string }>(),
    want("Agency").length ? db.agency.findMany({ where: { id: { in: want("Agency") } }, select: { id: true, acronym: true } }) : none<{ id: string; acronym: string }>(),
    want("AgendaItem").length
      ? db.agendaItem.findMany({
          where: { id: { in: want("AgendaItem") } },
          select: { id: true, title: true, meetingId: true, meeting: { select: { language: true } }, translations: translationsIn(language, { title: true }) },
        })
      : none<Item>(),
    want("Delegation").length
      ? db.delegation.findMany({ where: { id: { in: want("Delegation") } }, select: { id: true, meetingId: true, agency: { select: { acronym: true } } } })
      : none<{ id: string; meetingId: string; agency: { acronym: string } }>(),
    want("FollowUp").length
      ? db.followUp.findMany({ where: { id: { in: want("FollowUp") } }, select: { id: true, subject: true, meetingId: true, language: true, translations: translationsIn(language, { subject: true }) } })
      : none<FollowUp>(),
    want("OutboxMessage").length
      ? db.outboxMessage.findMany({ where: { id: { in: want("OutboxMessage") } }, select: { id: true, subject: true, toName: true, toEmail: true, meetingId: true } })
      : none<{ id: string; subject: string; toName: string; toEmail: string; meetingId: string | null }>(),
    want("ProgressUpdate").length
      ? db.progressUpdate.findMany({ where: { id: { in: want("ProgressUpdate") } }, select: { id: true, recommendation: { select: { id: true, code: true } } } })
      : none<{ id: string; recommendation: { id: string; code: string } }>(),
    want("Recommendation").length ? db.recommendation.findMany({ where: { id: { in: want("Recommendation") } }, select: { id: true, code: true } }) : none<{ id: string; code: string }>(),
    want("RecommendationReview").length
      ? db.recommendationReview.findMany({ where: { id: { in: want("RecommendationReview") } }, select: { id: true, recommendation: { select: { id: true, code: true } } } })
      : none<{ id: string; recommendation: { id: string; code: string } }>(),
    want("Registration").length ? db.registration.findMany({ where: { id: { in: want("Registration") } }, select: { id: true, name: true, meetingId: true } }) : none<{ id: string; name: string; meetingId: string }>(),
    want("Series").length ? db.series.findMany({ where: { id: { in: want("Series") } }, select: { id: true, name: true } }) : none<{ id: string; name: string }>(),
    want("User").length ? db.user.findMany({ where: { id: { in: want("User") } }, select: { id: true, name: true } }) : none<{ id: string; name: string }>(),
    want("SummaryRecord").length
      ? db.summaryRecord.findMany({ where: { id: { in: want("SummaryRecord") } }, select: { id: true, meeting: { select: { id: true, ...meetingTitleIn(language) } } } })
      : none<{ id: string; meeting: Titled & { id: string } }>(),
    want("Theme").length ? db.theme.findMany({ where: { id: { in: want("Theme") } }, select: { id: true, name: true, ...themeNameIn(language) } }) : none<{ id: string; name: string; language: string }>(),
  ]);
  const meetingSubjects = new Map(meetings.map((m) => [m.id, { ...named(m, language), href: `/admin/meetings/${m.id}` }]));
  for (const m of meetings) {
    put("Meeting", m.id, { ...named(m, language), href: `/admin/meetings/${m.id}` });
    put("Agenda", m.id, { ...named(m, language), href: `/admin/meetings/${m.id}/agenda` });
  }
  for (const a of agencies) put("Agency", a.id, { label: a.acronym, href: `/admin/agencies/${a.id}` });
  for (const i of items) put("AgendaItem", i.id, { ...named({ ...i, language: i.meeting.language }, language), href: `/admin/meetings/${i.meetingId}/agenda` });
  for (const d of delegations) put("Delegation", d.id, { label: d.agency.acronym, href: `/admin/meetings/${d.meetingId}/registrations/delegations` });
  for (const f of followUps) {
    const { text, lang } = localized(f, "subject", language, f.language);
    put("FollowUp", f.id, { label: text, lang, href: `/admin/meetings/${f.meetingId}/mail/follow-ups/${f.id}` });
  }
  for (const m of messages) put("OutboxMessage", m.id, { label: `‘${m.subject}’ to ${m.toName || m.toEmail}`, href: m.meetingId ? `/admin/meetings/${m.meetingId}/mail` : undefined });
  for (const u of updates) put("ProgressUpdate", u.id, { label: u.recommendation.code, href: `/recommendations/${u.recommendation.id}` });
  for (const r of recs) put("Recommendation", r.id, { label: r.code, href: `/recommendations/${r.id}` });
  for (const v of reviews) put("RecommendationReview", v.id, { label: v.recommendation.code, href: `/recommendations/${v.recommendation.id}` });
  for (const r of registrations) put("Registration", r.id, { label: r.name, href: `/admin/meetings/${r.meetingId}/registrations/${r.id}` });
  for (const s of series) put("Series", s.id, { label: s.name, href: `/admin/series/${s.id}` });
  for (const u of users) put("User", u.id, { label: u.name });
  for (const r of summaries) put("SummaryRecord", r.id, { ...named(r.meeting, language), href: `/admin/meetings/${r.meeting.id}/summary` });
  for (const th of themes) {
    const { name, lang } = localizeTheme(th, language);
    put("Theme", th.id, { label: name, lang: lang.name, href: "/recommendations/themes" });
  }
  return { subjects, meetings: meetingSubjects };
}

/** What a thing no longer in the database is called, from the entry itself. */
function fromSnapshot(e: Entry, t: T): Subject {
  const name = str(e.before, "title") || str(e.before, "name") || str(e.before, "subject") || str(e.after, "title") || str(e.after, "name") || str(e.after, "code") || str(e.after, "subject");
  return { label: name || t("admin:audit.sinceDeleted") };
}

/** Each entry as its page shows it: the sentence and the changed values, without the raw snapshots. */
export async function describeEntries(entries: Entry[], t: T, language: Language): Promise<DescribedEntry[]> {
  const { subjects, meetings } = await lookUp(entries, language);
  return entries.map((e) => ({
    id: e.id,
    createdAt: e.createdAt,
    sentence: describeAudit({
      entity: e.entity,
      action: e.action,
      before: e.before,
      after: e.after,
      who: e.user?.name ?? null,
      subject: subjects.get(`${e.entity}:${e.entityId}`) ?? fromSnapshot(e, t),
      meeting: e.meetingId ? meetings.get(e.meetingId) : null,
    }, t),
    changes: changeLines(e.before, e.after),
  }));
}
