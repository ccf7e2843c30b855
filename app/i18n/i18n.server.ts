import { createCookie, type Cookie } from "@remix-run/node";
import Negotiator from "negotiator";
import { sessionIdFrom, sessionLocale } from "~/domain/auth/session.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { bundlesOf } from "./bundles.server";
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from "./config";
import { createT, type T } from "./translate";

// Where the interface language comes from (docs/decisions/079-i18n.md), first match wins:
//   1. `?lang=fr|en` in the URL, an explicit choice (the language switcher): remembered in the `lang` cookie;
//   2. the `lang` cookie;
//   3. the signed-in person's saved preference (User.locale: the /me profile and the switcher save it);
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

/** The language of `Accept-Language` among ours (q-values honoured, fr-BE counts as fr), as the page cache reads it. */
export function acceptedLanguage(header: string | null): Language | undefined {
  const picked = header ? new Negotiator({ headers: { "accept-language": header } }).language([...LANGUAGES]) : undefined;
  return isLanguage(picked) ? picked : undefined;
}

const liveSession = (sessionId: string) => ({ sessions: { some: { id: sessionId, expiresAt: { gt: new Date() } } } });

/**
 * The saved language of the person signed in with this request, if any. It comes with the session's own
 * statement (getUser): none of its own, and none at all without the session cookie.
 */
async function savedLocale(request: Request, context?: object): Promise<Language | undefined> {
  const locale = await sessionLocale(request, context);
  return isLanguage(locale) ? locale : undefined;
}

// The root loader, the route's loader and the document render all ask for the same request's language.
// Remix hands each loader its own copy of the request but one load context: with the context (pass the
// loader's `context`, or the entry's `loadContext`) the language is read once per page request, else once
// per request object. Only for reads, like the session (an action may have just changed it).
const perRequest = new WeakMap<object, Promise<Language>>();

/** The reader's interface language. */
export function languageOf(request: Request, context?: object): Promise<Language> {
  const keyed = context && (request.method === "GET" || request.method === "HEAD") ? context : request;
  let language = perRequest.get(keyed);
  if (!language) perRequest.set(keyed, (language = readLanguage(request, context)));
  return language;
}

async function readLanguage(request: Request, context?: object): Promise<Language> {
  const asked = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  if (isLanguage(asked)) return asked;
  const remembered: unknown = await languageCookie().parse(request.headers.get("Cookie")).catch(() => null);
  if (isLanguage(remembered)) return remembered;
  return (await savedLocale(request, context)) ?? acceptedLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LANGUAGE;
}

/**
 * The language, and the `Set-Cookie` that remembers it when the URL chose it explicitly (`?lang=fr`), so the
 * pages that follow stay in that language without the parameter. The switcher's choice is also saved as the
 * signed-in person's preference (User.locale), which their mail and their other browsers follow.
 */
export async function resolveLanguage(request: Request, context?: object): Promise<{ language: Language; setCookie: string | null }> {
  const language = await languageOf(request, context);
  const asked = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  const chosen = asked !== null && asked === language;
  if (chosen) {
    const sessionId = await sessionIdFrom(request);
    // Only a change writes (the switcher's link may be followed again, or reloaded).
    if (sessionId) await db.user.updateMany({ where: { ...liveSession(sessionId), OR: [{ locale: null }, { locale: { not: language } }] }, data: { locale: language } });
  }
  return { language, setCookie: chosen ? await languageCookie().serialize(language) : null };
}

/** A person's saved language, or null (no preference). */
export async function savedLocaleOf(userId: string): Promise<Language | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return isLanguage(user?.locale) ? user.locale : null;
}

/**
 * Saves a person's language for the interface and mail (null: none, the browser decides) and returns the
 * `Set-Cookie` that makes this browser follow it at once (a cleared cookie for null).
 */
export async function saveLocale(userId: string, locale: Language | null): Promise<string> {
  await db.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
  return locale ? languageCookie().serialize(locale) : languageCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/**
 * A `t` for loaders, `meta` data (page titles), mail, calendar files and PDFs, in the reader's language (a
 * request) or a recipient's (a language): `(await fixedT(request))("meetings:title")`.
 */
export async function fixedT(requestOrLanguage: Request | Language, context?: object): Promise<T> {
  const language = typeof requestOrLanguage === "string" ? requestOrLanguage : await languageOf(requestOrLanguage, context);
  return tFor(language);
}

/** The same `t` when the language is known. */
export function tFor(language: Language): T {
  let t = tByLanguage.get(language);
  if (!t) tByLanguage.set(language, (t = createT(language, bundlesOf(language), bundlesOf(DEFAULT_LANGUAGE))));
  return t;
}
// A `t` depends only on its language (the bundles are constant): made once per language.
const tByLanguage = new Map<Language, T>();
