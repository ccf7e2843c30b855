import { key } from "~/i18n/translate";
import { env } from "~/utils/env.server";

// Helpers that fail throw a Response, so routes need no try/catch for the common cases;
// the root ErrorBoundary renders them as friendly pages, translating a message that is a key
// (`key("common:error.notFound.meeting")`, for code without a reader; a resource route, whose body the
// browser shows as it is, passes text translated with fixedT instead).

export function notFound(message: string = key("common:error.404.message")): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message: string = key("common:error.403.message")): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function badRequest(message: string = key("common:error.400.message")): never {
  throw new Response(message, { status: 400, statusText: "Bad Request" });
}

const REDIRECT_BASE = "http://convene.invalid";
// Browsers drop tab and newline inside URLs and read a backslash as a slash, so "/\t/evil.example" and
// "/\\evil.example" would leave the site; control characters would also break the Location header.
const unsafeInRedirect = (value: string) =>
  value.includes("\\") || Array.from(value).some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * A redirect target is only ever a path on this site: the value is parsed as a URL relative to a
 * placeholder origin and must stay on it; anything else, or anything odd, gives the fallback. The
 * result is the parsed URL's own serialisation (percent-encoded ASCII), so it is always a valid header.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > 2_000 || !to.startsWith("/") || to.startsWith("//") || unsafeInRedirect(to)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (url.origin !== REDIRECT_BASE || path.startsWith("//")) return fallback;
  return path;
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Refuses a state-changing request sent from another site (CSRF), resource routes included: browsers
 * send Origin on every POST and Sec-Fetch-Site with it; clients that send neither are not browsers.
 */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site && site !== "same-origin" && site !== "none") forbidden("This form can only be sent from Convene's own pages.");
  const origin = request.headers.get("Origin");
  if (origin === null) return;
  if (origin !== new URL(request.url).origin && origin !== new URL(env().APP_URL).origin) {
    forbidden("This form can only be sent from Convene's own pages.");
  }
}

/**
 * The one way an action reads its form: a cross-site post answers 403, a body that is not a form 415,
 * an unreadable form 400, so hostile requests never reach the action as a server error.
 */
export async function readForm(request: Request): Promise<FormData> {
  requireSameOrigin(request);
  const type = request.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.has(type)) {
    throw new Response("Send this as a form (application/x-www-form-urlencoded or multipart/form-data).", {
      status: 415,
      statusText: "Unsupported Media Type",
    });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    badRequest("The form could not be read. Reload the page and try again.");
  }
  refuseTooManyFields(form);
  return form;
}

/**
 * The most fields a form may have, and the most values one field may repeat. The largest forms of the app
 * are the meeting's translations (at most 1,000 agenda items and 1,000 documents, two or three fields each) and
 * the bulk actions (500 ids); Conform's parsing takes time that grows with the square of a field's repeats
 * (10,000 repeats: 0.35 s), so a 2 MB post of 500,000 repeats held a server's CPU for minutes.
 */
export const FORM_LIMITS = { fields: 6_000, repeats: 1_000 } as const;

function refuseTooManyFields(form: FormData): void {
  const repeats = new Map<string, number>();
  let fields = 0;
  for (const name of form.keys()) {
    const seen = (repeats.get(name) ?? 0) + 1;
    repeats.set(name, seen);
    if (++fields > FORM_LIMITS.fields || seen > FORM_LIMITS.repeats) {
      throw new Response(key("common:error.413.message"), { status: 413, statusText: "Payload Too Large" });
    }
  }
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** the client's address as the production server sees it (behind a proxy: TRUST_PROXY) */
    clientIp?: string;
    /** per-response nonce of the Content-Security-Policy, for the inline scripts Remix renders */
    cspNonce?: string;
  }
}

/** The address abuse limits count by; requests without a server in front (tests, vite dev) share one. */
export function clientIp(context: { clientIp?: string } | undefined): string {
  return context?.clientIp ?? "local";
}
