import { Link, useMatches } from "@remix-run/react";
import { langAttr } from "~/domain/content/localized";
import type { Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";

// Content in two languages (decision 080): an element whose text is in another language than the page's
// gets `lang`. The page's language is the interface language, or English on a page not translated yet
// (root.tsx wraps those in <div lang="en">).

/** True when the current page is not translated yet: root.tsx wraps it in <div lang="en">. */
export function useUntranslatedPage(): boolean {
  const { language } = useTranslation(["common"]);
  const handle = useMatches().at(-1)?.handle as { i18n?: unknown } | undefined;
  return language !== "en" && !handle?.i18n;
}

/** `lang` for content in `lang` on this page: `<h1 lang={contentLang(m.lang.title)}>`. */
export function useContentLang(): (lang: Language | undefined) => Language | undefined {
  const { language } = useTranslation(["common"]);
  const page = useUntranslatedPage() ? "en" : language;
  return (lang) => langAttr(lang, page);
}

type Missing = { into: Language; missing: { what: "meeting" | "item" | "document"; field: "title" | "description"; original: string }[] };

/** The meeting overview's list of texts not translated yet, with the way to the translations form. */
export function MissingTranslations({ data, href }: { data: Missing; href: string }) {
  const { t, language } = useTranslation(["content"]);
  // On an overview not translated yet (wrapped in lang="en"), this block is in the reader's language.
  const lang = useUntranslatedPage() ? language : undefined;
  const into = t(`content:language.${data.into}`);
  return (
    <section aria-labelledby="missing-translations-heading" lang={lang}>
      <h3 id="missing-translations-heading">{t("content:missing.heading")}</h3>
      {data.missing.length ? (
        <>
          <p>{t("content:missing.count", { count: data.missing.length, into })}</p>
          <ul>
            {data.missing.map((m, i) => (
              <li key={i}>{t(`content:missing.${m.what}.${m.field}`, { original: m.original })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("content:missing.none", { into })}</p>
      )}
      <p>
        <Link to={href}>{t("content:missing.edit")}</Link>
      </p>
    </section>
  );
}
