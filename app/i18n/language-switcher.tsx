import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { LANGUAGES } from "./config";

const PARAM = "lang";

/**
 * Links to the same page in each other language: `?lang=fr` on the current path and query. A plain link,
 * not a client navigation, so it works without JavaScript and the next document loads in that language;
 * the server remembers the choice in the `lang` cookie (app/i18n/i18n.server.ts).
 */
export function LanguageSwitcher() {
  const { t, language } = useTranslation(["common"]);
  const { pathname, search } = useLocation();
  const current = language;
  const names = { en: t("common:language.en"), fr: t("common:language.fr") };
  return (
    <ul className="language-switcher" aria-label={t("common:language.label")}>
      {LANGUAGES.filter((language) => language !== current).map((language) => {
        const params = new URLSearchParams(search);
        params.set(PARAM, language);
        return (
          <li key={language}>
            <a href={`${pathname}?${params.toString()}`} hrefLang={language} lang={language}>
              <span className="language-name">{names[language]}</span>
              <span className="language-code" aria-hidden="true">
                {language.toUpperCase()}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
