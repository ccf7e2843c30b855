import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { Prisma } from "~/generated/prisma/client.ts";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { Actor } from "./roles";

const SESSION_DAYS = 14;

type SessionData = { sessionId: string };
type FlashData = { toast: string };

let storage: ReturnType<typeof createCookieSessionStorage<SessionData, FlashData>> | undefined;
function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: "__convene",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env().APP_URL.startsWith("https://"),
      secrets: [env().SESSION_SECRET],
      maxAge: SESSION_DAYS * 24 * 3600,
    },
  });
  return storage;
}

// Reading a signed cookie costs an HMAC check (Web Crypto, asynchronous), and one page request reads the same
// header several times (the session, the toast, the language). The data a header carries is a pure function
// of the header and the secret, so it is remembered per header string, in a small map emptied when full;
// nothing read from the database is kept (decision 061).
const parsedCookies = new Map<string, Promise<{ sessionId?: unknown; toast?: unknown }>>();
const PARSED_COOKIES_MAX = 2_000;
const PARSED_COOKIE_MAX_LENGTH = 4_096;

function cookieData(header: string | null): Promise<{ sessionId?: unknown; toast?: unknown }> {
  // No session cookie at all (an anonymous reader): nothing to check.
  if (!header || !header.includes("__convene=")) return Promise.resolve({});
  let data = parsedCookies.get(header);
  if (!data) {
    data = sessionStorage()
      .getSession(header)
      .then((session) => ({ sessionId: session.get("sessionId"), toast: session.get("toast") }));
    if (header.length <= PARSED_COOKIE_MAX_LENGTH) {
      if (parsedCookies.size >= PARSED_COOKIES_MAX) parsedCookies.clear();
      parsedCookies.set(header, data);
    }
  }
  return data;
}

/** The id of the request's session, signed-in or not yet checked (app/i18n reads the person's language with it). */
export async function sessionIdFrom(request: Request): Promise<string | undefined> {
  const id = (await cookieData(request.headers.get("Cookie"))).sessionId;
  return typeof id === "string" ? id : undefined;
}

/** The signed-in user and their saved language, from one statement. */
type SessionRead = { user: Actor | null; locale: string | null };
const NO_SESSION: SessionRead = { user: null, locale: null };

/**
 * One statement on every signed-in page: the user whose unexpired session this is, with the language they saved,
 * which app/i18n needs for the same page. Written as SQL: Prisma's query compiler and interpreter cost more than
 * the statement itself (decision 093). The session is looked up by its key in a subquery, not joined: as a join,
 * SQLite scanned every session whenever its statistics said the table was tiny, as they do when it was analysed
 * soon after a deployment (decision 096, addendum).
 */
export function sessionUserSql(sessionId: string, now: Date) {
  return Prisma.sql`SELECT u."id", u."role", u."agencyId", u."name", u."email", u."locale" FROM "User" u
    WHERE u."id" = (SELECT s."userId" FROM "Session" s WHERE s."id" = ${sessionId} AND s."expiresAt" > ${now})`;
}

async function readSession(request: Request): Promise<SessionRead> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return NO_SESSION;
  const [row] = await db.$queryRaw<(Actor & { locale: string | null })[]>(sessionUserSql(sessionId, new Date()));
  if (!row) return NO_SESSION;
  const { locale, ...user } = row;
  return { user, locale };
}

// One read per page however many loaders ask: kept on the page's load context (one per request) and on the
// request itself. Remix hands every loader the same request unless the URL has `index` or `_routes`
// (patches/@remix-run+server-runtime, decision 094), so a loader that does not pass its context (every
// requireCapability) finds the read its siblings made. Only for reads, so a session an action has just ended
// or started is read again.
const sessionsByRequest = new WeakMap<object, Promise<SessionRead>>();

function sessionOf(request: Request, context?: object): Promise<SessionRead> {
  if (request.method !== "GET" && request.method !== "HEAD") return readSession(request);
  let read = (context && sessionsByRequest.get(context)) ?? sessionsByRequest.get(request);
  if (!read) read = readSession(request);
  if (context) sessionsByRequest.set(context, read);
  sessionsByRequest.set(request, read);
  return read;
}

/** The signed-in user, or null. Pass the loader's `context` so one page reads the session once. */
export async function getUser(request: Request, context?: object): Promise<Actor | null> {
  return (await sessionOf(request, context)).user;
}

/** The saved interface language of the person signed in with this request (User.locale), read with the session. */
export async function sessionLocale(request: Request, context?: object): Promise<string | null> {
  return (await sessionOf(request, context)).locale;
}

export async function requireUser(request: Request, context?: object): Promise<Actor> {
  const user = await getUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** Creates a session row and returns the Set-Cookie header for it. */
export async function createSessionCookie(userId: string): Promise<string> {
  const s = await db.session.create({
    data: { userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000) },
    select: { id: true },
  });
  const cookie = await sessionStorage().getSession();
  cookie.set("sessionId", s.id);
  return sessionStorage().commitSession(cookie);
}

export async function destroySessionCookie(request: Request): Promise<string> {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) await db.session.deleteMany({ where: { id: sessionId } });
  const cookie = await sessionStorage().getSession(request.headers.get("Cookie"));
  return sessionStorage().destroySession(cookie);
}

/** Redirects with a one-time message shown at the top of the next page (works without JavaScript). */
export async function redirectWithToast(request: Request, to: string, message: string, init?: ResponseInit) {
  const cookie = await sessionStorage().getSession(request.headers.get("Cookie"));
  cookie.flash("toast", message);
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await sessionStorage().commitSession(cookie));
  return redirect(to, { ...init, headers });
}

/** Reads the one-time message; the returned header must be sent to clear it. */
export async function readToast(request: Request): Promise<{ toast: string | null; setCookie: string | null }> {
  const header = request.headers.get("Cookie");
  if (typeof (await cookieData(header)).toast !== "string") return { toast: null, setCookie: null };
  const cookie = await sessionStorage().getSession(header);
  const toast = cookie.get("toast");
  if (typeof toast !== "string") return { toast: null, setCookie: null };
  return { toast, setCookie: await sessionStorage().commitSession(cookie) };
}
