import { audit, auditMany, type AuditEntry } from "~/domain/audit/audit.server";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { localize, localized, otherLanguage, translationsIn, type Localized } from "~/domain/content/localized";
import { translationStamp } from "~/domain/content/stamp.server";
import { invalidatePublicPages } from "~/domain/meetings/public-cache.server";
import { asLanguage, type Language } from "~/i18n/config";
import { key } from "~/i18n/translate";
import { db, type Tx } from "~/utils/db.server";
import { Refused, fieldRefusal, formRefusal, type Outcome } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { STALE, rowLock, saveIfUnchanged } from "~/utils/save-if-unchanged.server";
import type { RecommendationTranslationInput, ThemeTranslationsInput } from "./translation.schema";

// Recommendations and themes in two languages (docs/decisions/080-content-translations.md): reading them
// in the reader's language, the organisers' forms for the other language, and what is still missing.
// A recommendation keeps its title and text in its `language`, a theme its name in its own; one
// translation row per other language; an empty translated column is a missing translation.

// ---------------------------------------------------------------- reading

/** Select fragments: the original's language and the one translation row the reader needs. */
export const recommendationTitleIn = (language: Language) => ({ language: true, translations: translationsIn(language, { title: true }) }) as const;
export const recommendationTextIn = (language: Language) => ({ language: true, translations: translationsIn(language, { title: true, text: true }) }) as const;
export const themeNameIn = (language: Language) => ({ language: true, translations: translationsIn(language, { name: true }) }) as const;

/** For several readers at once (a mail to each in their language): the original's language and every translated title. */
export const recommendationTitles = { language: true, translations: { select: { language: true, title: true } } } as const;

type Row<F extends string> = Record<F, string> & { language: string; translations?: ({ language: string } & Record<F, string>)[] };

/** A recommendation's title (and text, when selected) in the reader's language, with `lang` per column. */
export function localizeTitle<R extends Row<"title">>(r: R, reader: Language) {
  return localize(r, ["title"] as const, reader, r.language);
}
export function localizeText<R extends Row<"title" | "text">>(r: R, reader: Language) {
  return localize(r, ["title", "text"] as const, reader, r.language);
}
/** A recommendation's title in the reader's language, or the original's: `{ text, lang }`. */
export function titleFor(r: Row<"title">, reader: Language): Localized {
  return localized(r, "title", reader, r.language);
}
/** A theme's name in the reader's language, with `lang`. */
export function localizeTheme<R extends Row<"name">>(th: R, reader: Language) {
  return localize(th, ["name"] as const, reader, th.language);
}

// ---------------------------------------------------------------- one recommendation's translation

const translationRow = { id: true, language: true, title: true, text: true, updatedAt: true } as const;

async function readRecommendation(client: Tx, id: string) {
  return client.recommendation.findUnique({ where: { id }, select: { id: true, code: true, title: true, text: true, language: true, meetingId: true, translations: { select: translationRow } } });
}
type Rec = NonNullable<Awaited<ReturnType<typeof readRecommendation>>>;

/** What the form was made from: the original (its language, title and text) and the translation rows. */
const stampOf = (r: Rec) => translationStamp({ language: r.language, title: r.title, text: r.text }, r.translations);

/** The translation form: the original beside its text in the other language. */
export async function recommendationTranslationEditor(id: string) {
  const r = await readRecommendation(db, id);
  if (!r) notFound(key("recommendations:error.recommendationNotFound"));
  const into = otherLanguage(r.language);
  const t = r.translations.find((x) => x.language === into);
  return {
    id: r.id,
    code: r.code,
    language: asLanguage(r.language),
    into,
    stamp: stampOf(r),
    original: { title: r.title, text: r.text },
    translated: { title: t?.title ?? "", text: t?.text ?? "" },
  };
}

/** The columns of a recommendation not translated into its other language yet (for the staff's notice). */
export function missingOf(r: { title: string; text: string; language: string; translations: { language: string; title: string; text: string }[] }) {
  const into = otherLanguage(r.language);
  const t = r.translations.find((x) => x.language === into);
  return { into, fields: (["title", "text"] as const).filter((f) => r[f].trim() && !t?.[f]?.trim()) };
}

/**
 * Saves the form: the original's language, and the title and text in the other language (a row left
 * with both empty is removed). Refused when the original or its translation changed after the form was
 * made (the stamp), or when the language changes while a translation exists.
 */
export async function saveRecommendationTranslation(actor: Actor, id: string, input: RecommendationTranslationInput): Promise<Outcome<{ changed: boolean }>> {
  assertCan(actor, "recommendations:manage");
  const outcome = await saveIfUnchanged(
    {
      lock: rowLock("Recommendation", { column: "id", value: id }),
      read: async (tx) => (await readRecommendation(tx, id)) ?? notFound(key("recommendations:error.recommendationNotFound")),
      unchanged: (r) => stampOf(r) === input.stamp && input.into === otherLanguage(r.language),
    },
    async (tx, r): Promise<Outcome<{ changed: boolean }>> => {
      if (input.language !== r.language) {
        if (r.translations.length || input.title || input.text) throw new Refused(fieldRefusal("language", key("recommendations:error.languageWithTranslation")));
        await tx.recommendation.update({ where: { id }, data: { language: input.language }, select: { id: true } });
        await audit(tx, { userId: actor.id, entity: "Recommendation", entityId: id, meetingId: r.meetingId, action: "update", before: { language: r.language }, after: { language: input.language } });
        return { ok: true, changed: true };
      }

      const into = input.into;
      const current = r.translations.find((t) => t.language === into);
      const data = { title: input.title, text: input.text };
      if ((current?.title ?? "") === data.title && (current?.text ?? "") === data.text) return { ok: true, changed: false };
      const where = { recommendationId: id, language: into };
      if (data.title || data.text) await tx.recommendationTranslation.upsert({ where: { recommendationId_language: where }, create: { ...where, ...data }, update: data, select: { id: true } });
      else await tx.recommendationTranslation.deleteMany({ where });
      await audit(tx, {
        userId: actor.id,
        entity: "Recommendation",
        entityId: id,
        meetingId: r.meetingId,
        action: "translations",
        before: { language: into, title: current?.title ?? "", text: current?.text ?? "" },
        after: { language: into, ...data },
      });
      return { ok: true, changed: true };
    },
  );
  // The public meeting page shows adopted recommendations in the reader's language.
  if (outcome.ok && outcome.changed) await invalidatePublicPages();
  return outcome;
}

// ---------------------------------------------------------------- themes

async function readThemes(client: Tx) {
  return client.theme.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, language: true, translations: { select: { id: true, language: true, name: true, updatedAt: true } } },
  });
}

/** What the form was made from: every theme (a theme added or removed changes it too) and the translation rows. */
function themesStamp(themes: Awaited<ReturnType<typeof readThemes>>): string {
  return translationStamp(
    themes.map((th) => ({ language: th.language, id: th.id, name: th.name })),
    themes.flatMap((th) => th.translations),
  );
}

/** The themes form: each theme's name beside its name in the other language. */
export async function themeTranslationEditor() {
  const themes = await readThemes(db);
  return {
    stamp: themesStamp(themes),
    themes: themes.map((th) => {
      const into = otherLanguage(th.language);
      return { id: th.id, name: th.name, language: asLanguage(th.language), into, translated: th.translations.find((t) => t.language === into)?.name ?? "" };
    }),
  };
}

/**
 * Saves the themes' names in their other language, each change in the audit log; refused when someone
 * saved meanwhile or a theme is gone.
 */
export async function saveThemeTranslations(actor: Actor, input: ThemeTranslationsInput): Promise<Outcome<{ changed: number }>> {
  assertCan(actor, "recommendations:manage");
  return saveIfUnchanged(
    // The themes have no parent row to lock: their own rows are.
    { lock: rowLock("Theme"), read: readThemes, unchanged: (themes) => themesStamp(themes) === input.stamp },
    async (tx, themes): Promise<Outcome<{ changed: number }>> => {
      const byId = new Map(themes.map((th) => [th.id, th]));
      if (input.themes.some((th) => !byId.has(th.id))) throw new Refused(formRefusal(STALE));
      const entries: AuditEntry[] = [];
      for (const { id, name } of input.themes) {
        const th = byId.get(id)!;
        const into = otherLanguage(th.language);
        const current = th.translations.find((t) => t.language === into)?.name ?? "";
        if (current === name) continue;
        const where = { themeId: id, language: into };
        if (name) await tx.themeTranslation.upsert({ where: { themeId_language: where }, create: { ...where, name }, update: { name }, select: { id: true } });
        else await tx.themeTranslation.deleteMany({ where });
        entries.push({ userId: actor.id, entity: "Theme", entityId: id, action: "translations", before: { language: into, name: current }, after: { language: into, name } });
      }
      await auditMany(tx, entries);
      return { ok: true, changed: entries.length };
    },
  );
}
