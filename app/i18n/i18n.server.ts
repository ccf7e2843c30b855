import { createCookie, type Cookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { env } from "~/utils/env.server";
import { DEFAULT_LANGUAGE, i18nOptions, LANGUAGES, asLanguage, type Language, type Namespace } from "./config";
import { localeFiles } from "./resources";

// Where the interface language comes from (docs/decisions/079-i18n.md), first match wins:
//   1. `?lang=fr|en` in the URL, an explicit choice (the language switcher): remembered in the `lang` cookie;
//   2. the `lang` cookie;
//   3. the signed-in person's saved preference: needs User.locale, not built yet (the decision says how);
//   4. the browser's Accept-Language;
//   5. English.
// An anonymous visitor without a cookie depends only on the URL and Accept-Language: the public page cache
// keys on exactly those (scripts/page-cache.mjs).

export const LANGUAGE_PARAM = "lang";
const YEAR = 365 * 24 * 3600;

let cookie: Cookie | undefined;
function languageCookie(): Cookie {
  cookie ??= createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: YEAR, secure: env().APP_URL.startsWith("https://") });
  return cookie;
}

let i18n: RemixI18Next | undefined;
function remixI18n(): RemixI18Next {
  i18n ??= new RemixI18Next({
    detection: {
      supportedLanguages: [...LANGUAGES],
      fallbackLanguage: DEFAULT_LANGUAGE,
      searchParamKey: LANGUAGE_PARAM,
      cookie: languageCookie(),
      order: ["searchParams", "cookie", "header"],
    },
    i18next: i18nOptions,
    plugins: [localeFiles],
  });
  return i18n;
}

/** The reader's interface language. */
export async function languageOf(request: Request): Promise<Language> {
  return asLanguage(await remixI18n().getLocale(request));
}

/**
 * The language, and the `Set-Cookie` that remembers it when the URL chose it explicitly (`?lang=fr`), so the
 * pages that follow stay in that language without the parameter.
 */
export async function resolveLanguage(request: Request): Promise<{ language: Language; setCookie: string | null }> {
  const language = await languageOf(request);
  const asked = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  const chosen = asked !== null && asked === language;
  return { language, setCookie: chosen ? await languageCookie().serialize(language) : null };
}

/** A `t` for loaders and `meta` data (page titles), in the reader's language: `(await fixedT(request, "meetings"))("meetings:title")`. */
export async function fixedT<N extends Namespace>(requestOrLanguage: Request | Language, namespace: N) {
  const language = typeof requestOrLanguage === "string" ? requestOrLanguage : await languageOf(requestOrLanguage);
  return remixI18n().getFixedT(language, [namespace, "common"] as const);
}

/** The namespaces the matched routes declare (`export const handle = { i18n: "meetings" }`), plus `common`. */
export function routeNamespaces(context: Parameters<RemixI18Next["getRouteNamespaces"]>[0]): string[] {
  return [...new Set(["common", ...remixI18n().getRouteNamespaces(context)])];
}
