import { createCookieSessionStorage, redirect } from "@remix-run/node";
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

/** The id of the request's session, signed-in or not yet checked (app/i18n reads the person's language with it). */
export async function sessionIdFrom(request: Request): Promise<string | undefined> {
  const cookie = await sessionStorage().getSession(request.headers.get("Cookie"));
  const id = cookie.get("sessionId");
  return typeof id === "string" ? id : undefined;
}

async function readUser(request: Request): Promise<Actor | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  // One statement: the user whose unexpired session this is (a nested select would add a second).
  const user = await db.user.findFirst({
    where: { sessions: { some: { id: sessionId, expiresAt: { gt: new Date() } } } },
    select: { id: true, role: true, agencyId: true, name: true, email: true },
  });
  return user;
}

// Remix calls every loader of a page with its own copy of the request but one load context per request:
// keyed on that context, the session is read once per page however many loaders ask. Only for reads,
// so a session an action has just ended or started is read again.
const usersByRequest = new WeakMap<object, Promise<Actor | null>>();

/** The signed-in user, or null. Pass the loader's `context` so one page reads the session once. */
export function getUser(request: Request, context?: object): Promise<Actor | null> {
  if (!context || (request.method !== "GET" && request.method !== "HEAD")) return readUser(request);
  let user = usersByRequest.get(context);
  if (!user) {
    user = readUser(request);
    usersByRequest.set(context, user);
  }
  return user;
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
  const cookie = await sessionStorage().getSession(request.headers.get("Cookie"));
  const toast = cookie.get("toast");
  if (typeof toast !== "string") return { toast: null, setCookie: null };
  return { toast, setCookie: await sessionStorage().commitSession(cookie) };
}
