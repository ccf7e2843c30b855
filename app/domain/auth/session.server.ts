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

async function sessionIdFrom(request: Request): Promise<string | undefined> {
  const cookie = await sessionStorage().getSession(request.headers.get("Cookie"));
  const id = cookie.get("sessionId");
  return typeof id === "string" ? id : undefined;
}

/** The signed-in user, or null. */
export async function getUser(request: Request): Promise<Actor | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, role: true, agencyId: true, name: true, email: true } } },
  });
  if (!session || session.expiresAt < new Date()) return null;
  return session.user;
}

export async function requireUser(request: Request): Promise<Actor> {
  const user = await getUser(request);
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
