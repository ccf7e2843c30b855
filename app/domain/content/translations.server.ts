import { audit } from "~/domain/audit/audit.server";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { invalidatePublicPages } from "~/domain/meetings/public-cache.server";
import { lockMeeting } from "~/domain/registration/registration.server";
import { asLanguage, type Language } from "~/i18n/config";
import { key } from "~/i18n/translate";
import { db, type Tx } from "~/utils/db.server";
import { Refused, fieldRefusal, formRefusal, type Outcome } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { saveIfUnchanged } from "~/utils/save-if-unchanged.server";
import { otherLanguage } from "./localized";
import { translationStamp } from "./stamp.server";
import type { TranslationsInput } from "./translations.schema";

// The organiser's side of content translations (docs/decisions/080-content-translations.md): one form for
// a meeting's title and description, its agenda items and its documents in the other language; the list
// of what is still missing. A form opened before someone else's save, or before an original was edited,
// is refused, never written over (saveIfUnchanged).

const rowSelect = { id: true, language: true, title: true, description: true, updatedAt: true } as const;

async function readMeetingContent(client: Tx, meetingId: string) {
  const meeting = await client.meeting.findUnique({
    where: { id: meetingId },
    select: { id: true, title: true, description: true, language: true, translations: { select: rowSelect } },
  });
  if (!meeting) return null;
  const [items, documents] = await Promise.all([
    client.agendaItem.findMany({
      where: { meetingId },
      select: { id: true, title: true, description: true, translations: { select: rowSelect } },
      orderBy: [{ startsAt: "asc" }, { position: "asc" }, { endsAt: "asc" }],
    }),
    client.document.findMany({
      where: { meetingId },
      select: { id: true, title: true, translations: { select: { id: true, language: true, title: true, updatedAt: true } } },
      orderBy: [{ position: "asc" }, { title: "asc" }, { id: "asc" }],
    }),
  ]);
  return { meeting, items, documents };
}
type Content = NonNullable<Awaited<ReturnType<typeof readMeetingContent>>>;

/** What the form was made from: the originals' language and texts, and the translation rows. */
function stampOf(c: Content): string {
  const language = c.meeting.language;
  const originals = [
    { language, title: c.meeting.title, description: c.meeting.description },
    ...c.items.map((i) => ({ language, id: i.id, title: i.title, description: i.description })),
    ...c.documents.map((d) => ({ language, id: d.id, title: d.title })),
  ];
  const rows = [c.meeting.translations, ...c.items.map((i) => i.translations), ...c.documents.map((d) => d.translations)].flat();
  return translationStamp(originals, rows);
}

const inLanguage = <T extends { language: string }>(rows: T[], language: Language) => rows.find((r) => r.language === language);

/** The translations form: the originals (read-only) beside their text in the other language. */
export async function translationEditor(meetingId: string) {
  const content = await readMeetingContent(db, meetingId);
  if (!content) notFound(key("common:error.notFound.meeting"));
  const { meeting, items, documents } = content;
  const into = otherLanguage(meeting.language);
  const mt = inLanguage(meeting.translations, into);
  return {
    language: asLanguage(meeting.language),
    into,
    stamp: stampOf(content),
    meeting: { title: meeting.title, description: meeting.description, translated: { title: mt?.title ?? "", description: mt?.description ?? "" } },
    items: items.map((i) => {
      const t = inLanguage(i.translations, into);
      return { id: i.id, title: i.title, description: i.description, translated: { title: t?.title ?? "", description: t?.description ?? "" } };
    }),
    documents: documents.map((d) => ({ id: d.id, title: d.title, translated: { title: inLanguage(d.translations, into)?.title ?? "" } })),
  };
}

export type MissingTranslation = { what: "meeting" | "item" | "document"; field: "title" | "description"; original: string };

/** What is not translated yet into the meeting's other language: every non-empty original without its translation. */
export async function missingTranslations(meetingId: string): Promise<{ into: Language; missing: MissingTranslation[] }> {
  const content = await readMeetingContent(db, meetingId);
  if (!content) notFound(key("common:error.notFound.meeting"));
  const { meeting, items, documents } = content;
  const into = otherLanguage(meeting.language);
  const missing: MissingTranslation[] = [];
  type Texts = { title: string; description?: string };
  const check = (what: MissingTranslation["what"], row: Texts & { translations: ({ language: string } & Texts)[] }) => {
    const t = inLanguage(row.translations, into);
    for (const field of ["title", "description"] as const) if (row[field]?.trim() && !t?.[field]?.trim()) missing.push({ what, field, original: row.title });
  };
  check("meeting", meeting);
  for (const i of items) check("item", i);
  for (const d of documents) check("document", d);
  return { into, missing };
}

const hasText = (input: TranslationsInput) =>
  !!(input.title || input.description || input.items.some((i) => i.title || i.description) || input.documents.some((d) => d.title));

/**
 * Saves the form: the original's language, and the translations into the other language (a row whose
 * columns are all empty is removed). Refused when someone saved meanwhile or an original was edited since
 * the form was made (the stamp), when the language
 * changes while translations exist (they would no longer be in the other language), or when an item or
 * document of the form is gone.
 */
export async function saveTranslations(actor: Actor, meetingId: string, input: TranslationsInput): Promise<Outcome<{ changed: number }>> {
  assertCan(actor, "meetings:manage");
  const outcome = await saveIfUnchanged(
    {
      lock: (tx) => lockMeeting(tx, meetingId),
      read: async (tx) => (await readMeetingContent(tx, meetingId)) ?? notFound(key("common:error.notFound.meeting")),
      unchanged: (content) => stampOf(content) === input.stamp && input.into === otherLanguage(content.meeting.language),
    },
    async (tx, content): Promise<Outcome<{ changed: number }>> => {
      const { meeting, items, documents } = content;

      if (input.language !== meeting.language) {
        const anyRow = meeting.translations.length || items.some((i) => i.translations.length) || documents.some((d) => d.translations.length);
        if (anyRow || hasText(input)) throw new Refused(fieldRefusal("language", key("content:error.languageWithTranslations")));
        await tx.meeting.update({ where: { id: meetingId }, data: { language: input.language } });
        await audit(tx, { userId: actor.id, entity: "Meeting", entityId: meetingId, meetingId, action: "update", before: { language: meeting.language }, after: { language: input.language } });
        return { ok: true, changed: 1 };
      }

      const itemById = new Map(items.map((i) => [i.id, i]));
      const docById = new Map(documents.map((d) => [d.id, d]));
      if (input.items.some((i) => !itemById.has(i.id)) || input.documents.some((d) => !docById.has(d.id))) throw new Refused(formRefusal(key("content:error.unknownItem")));

      const into = input.into;
      let changed = 0;
      const mt = inLanguage(meeting.translations, into);
      if (differs(mt, { title: input.title, description: input.description })) {
        changed++;
        const data = { title: input.title, description: input.description };
        if (filled(data)) await tx.meetingTranslation.upsert({ where: { meetingId_language: { meetingId, language: into } }, create: { meetingId, language: into, ...data }, update: data, select: { id: true } });
        else await tx.meetingTranslation.deleteMany({ where: { meetingId, language: into } });
      }
      for (const i of input.items) {
        const t = inLanguage(itemById.get(i.id)!.translations, into);
        if (!differs(t, { title: i.title, description: i.description })) continue;
        changed++;
        const key = { agendaItemId: i.id, language: into };
        const data = { title: i.title, description: i.description };
        if (filled(data)) await tx.agendaItemTranslation.upsert({ where: { agendaItemId_language: key }, create: { ...key, ...data }, update: data, select: { id: true } });
        else await tx.agendaItemTranslation.deleteMany({ where: key });
      }
      for (const d of input.documents) {
        const t = inLanguage(docById.get(d.id)!.translations, into);
        if (!differs(t, { title: d.title })) continue;
        changed++;
        const key = { documentId: d.id, language: into };
        if (d.title) await tx.documentTranslation.upsert({ where: { documentId_language: key }, create: { ...key, title: d.title }, update: { title: d.title }, select: { id: true } });
        else await tx.documentTranslation.deleteMany({ where: key });
      }
      if (changed) await audit(tx, { userId: actor.id, entity: "Meeting", entityId: meetingId, meetingId, action: "translations", after: { language: into, changed } });
      return { ok: true, changed };
    },
  );
  if (outcome.ok && outcome.changed) await invalidatePublicPages();
  return outcome;
}

function differs(current: Record<string, unknown> | undefined, next: Record<string, string>) {
  return Object.entries(next).some(([k, v]) => String(current?.[k] ?? "") !== v);
}

/** A translation row with nothing in it is removed rather than kept empty. */
const filled = (data: Record<string, string>) => Object.values(data).some(Boolean);
