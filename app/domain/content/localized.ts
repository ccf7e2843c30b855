import { asLanguage, type Language } from "~/i18n/config";

// Content in two languages (docs/decisions/080-content-translations.md). A translatable row keeps its
// original text in its own columns, written in its `language` (agenda items and documents: their
// meeting's), and one translation row per other language. An empty translated column is a missing
// translation: the reader gets the original, and the page marks it with the original's `lang`.

/** A translation row as the selects below read it: its language and the translated columns. */
export type TranslationOf<F extends string> = { language: string } & Record<F, string>;

export type Localized = { text: string; lang: Language };

/**
 * One column of a row in the reader's language: the translation when there is one, else the original
 * text in the original's language (the caller marks it with `lang`).
 */
export function localized<F extends string>(
  row: Record<F, string> & { translations?: TranslationOf<F>[] },
  field: F,
  reader: Language,
  original: string,
): Localized {
  const from = asLanguage(original);
  if (from !== reader) {
    const text = row.translations?.find((t) => t.language === reader)?.[field]?.trim();
    if (text) return { text, lang: reader };
  }
  return { text: row[field], lang: from };
}

/** `lang` for an element holding text in `lang`, on a page in `page`: only when they differ. */
export const langAttr = (lang: Language | undefined, page: Language): Language | undefined => (lang && lang !== page ? lang : undefined);

/**
 * The row with its translatable columns in the reader's language, without its translations, and `lang`:
 * the language each column's text is in (components put it on the element when it differs from the
 * page's: useContentLang in app/components/content.tsx).
 */
export function localize<R extends Record<F, string> & { translations?: TranslationOf<F>[] }, F extends string>(
  row: R,
  fields: readonly F[],
  reader: Language,
  original: string,
): Omit<R, "translations"> & { lang: Record<F, Language> } {
  const { translations: _t, ...rest } = row;
  const out = { ...rest } as Record<string, unknown>;
  const lang = {} as Record<F, Language>;
  for (const f of fields) {
    const l = localized(row, f, reader, original);
    out[f] = l.text;
    lang[f] = l.lang;
  }
  return { ...(out as Omit<R, "translations">), lang };
}

/** The translations a reader needs, for a Prisma select: `translations: translationsIn(language, { title: true })`. */
export function translationsIn<S extends Record<string, true>>(reader: Language, select: S) {
  return { where: { language: reader }, select: { language: true as const, ...select } };
}

/** The other interface language: what an original in `language` is translated into. */
export const otherLanguage = (language: string): Language => (asLanguage(language) === "en" ? "fr" : "en");
