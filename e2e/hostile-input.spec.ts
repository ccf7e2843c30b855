import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 8, "never a 500 for a bad request", against the production server (scripts/server.mjs): every
// route of app/routes with an action gets malformed posts (wrong or missing content types, broken
// multipart bodies, cross-site origins, odd redirect targets, oversized fields, unknown intents) as an
// anonymous visitor, the organiser and a focal point. No answer may be a 5xx; cross-site posts are 403;
// a redirect never leaves the site. 429 (abuse limits, docs/decisions/053) is an allowed answer.
// Hostile GETs (odd methods, `.data` requests, bad percent-encoding, wrong-shaped ids) follow.

const EVIL = "https://evil.example";
const BAD_TOKEN = "not-a-token-0123456789-abcdefghijklmnopqrstu";
const CUID = /c[a-z0-9]{20,30}/.source;
const FORM = "application/x-www-form-urlencoded";

type Post = { name: string; crossSite?: boolean; method?: string; headers?: Record<string, string>; body?: string | Buffer; form?: Record<string, string>; multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> };

const REDIRECTS = ["/\t/evil.example/", "//evil.example/", "https://evil.example/", "/\\evil.example", "/.//evil.example", "/admin\r\nSet-Cookie: x=1", "javascript:alert(1)"];
const INTENTS = ["", "__proto__", "constructor", "DELETE", "x".repeat(10_000), "publish\u0000", "<script>alert(1)</script>"];
const ODD_VALUES = ["../../etc/passwd", "' OR 1=1 --", "\u0000", "NaN", "1e309", "-1", "2026-13-45T99:99", "\ud800", "%00%0d%0a"];
// Field names the app's forms use, so the odd values reach real parsing.
const FIELDS = ["id", "registrationId", "updateId", "agencyId", "meetingId", "email", "name", "title", "capacity", "startsAt", "status", "code", "text", "quota", "followUpId"];

function multipartBody(boundary: string, parts: string[], close = true) {
  return Buffer.from(parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("") + (close ? `--${boundary}--\r\n` : ""));
}

/** The malformed posts every form route gets (about 45 per route and person). */
function posts(): Post[] {
  const list: Post[] = [
    { name: "text/plain", headers: { "Content-Type": "text/plain" }, body: "intent=save&name=x" },
    { name: "JSON", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ intent: "save", name: "x" }) },
    { name: "JSON labelled as a form", headers: { "Content-Type": FORM }, body: JSON.stringify({ intent: "save" }) },
    { name: "no content type", headers: { "Content-Type": "" }, body: "intent=save" },
    { name: "no body", headers: {} },
    { name: "XML", headers: { "Content-Type": "application/xml" }, body: "<intent>save</intent>" },
    { name: "garbage content type", headers: { "Content-Type": "a/b/c;;;boundary" }, body: "x" },
    { name: "multipart without boundary", headers: { "Content-Type": "multipart/form-data" }, body: multipartBody("x", ['Content-Disposition: form-data; name="intent"\r\n\r\nsave']) },
    { name: "multipart with an empty boundary", headers: { "Content-Type": "multipart/form-data; boundary=" }, body: "--\r\n\r\n----" },
    { name: "multipart with the wrong boundary", headers: { "Content-Type": "multipart/form-data; boundary=abc" }, body: multipartBody("xyz", ['Content-Disposition: form-data; name="intent"\r\n\r\nsave']) },
    { name: "multipart cut off", headers: { "Content-Type": "multipart/form-data; boundary=abc" }, body: multipartBody("abc", ['Content-Disposition: form-data; name="intent"\r\n\r\nsa'], false) },
    { name: "multipart part without headers", headers: { "Content-Type": "multipart/form-data; boundary=abc" }, body: multipartBody("abc", ["\r\n\r\nvalue"]) },
    { name: "multipart with a broken disposition", headers: { "Content-Type": "multipart/form-data; boundary=abc" }, body: multipartBody("abc", ['Content-Disposition: form-data; name="in\r\n\r\nx', `Content-Disposition: ${"x".repeat(20_000)}\r\n\r\nx`]) },
    {
      name: "multipart with a hostile file",
      multipart: { intent: "import", file: { name: "../../x.csv\r\nX: y", mimeType: "text/csv", buffer: Buffer.from("name,email\n\u0000\u00ff,=cmd|' /C calc'!A0\n") } },
    },
    { name: "binary multipart", headers: { "Content-Type": "multipart/form-data; boundary=abc" }, body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)) },
    { name: "bad percent-encoding", headers: { "Content-Type": FORM }, body: "%zz=%E0%A4%A&intent=%&name=%%%" },
    { name: "form in UTF-16", headers: { "Content-Type": `${FORM}; charset=utf-16` }, body: Buffer.from("intent=save", "utf16le") },
    { name: "5,000 fields", headers: { "Content-Type": FORM }, body: Array.from({ length: 5_000 }, (_, i) => `f${i}=${i}`).join("&") },
    { name: "oversized fields", form: Object.fromEntries(["intent", ...FIELDS].map((f) => [f, "x".repeat(200_000 / FIELDS.length)])) },
    { name: "a body over the size limit", headers: { "Content-Type": FORM }, body: `intent=save&text=${"x".repeat(3 * 1024 * 1024)}` },
    { name: "odd method PUT", method: "PUT", form: { intent: "save" } },
    { name: "odd method DELETE", method: "DELETE", form: { intent: "delete" } },
    { name: "odd method PATCH", method: "PATCH", form: { intent: "save" } },
    { name: "cross-site Origin", crossSite: true, headers: { Origin: EVIL }, form: { intent: "save" } },
    { name: "Origin null", crossSite: true, headers: { Origin: "null" }, form: { intent: "save" } },
    { name: "Sec-Fetch-Site cross-site", crossSite: true, headers: { "Sec-Fetch-Site": "cross-site" }, form: { intent: "save" } },
    { name: "Sec-Fetch-Site same-site", crossSite: true, headers: { "Sec-Fetch-Site": "same-site", Origin: "http://sub.127.0.0.1" }, form: { intent: "save" } },
    { name: "cross-site multipart", crossSite: true, headers: { Origin: EVIL, "Sec-Fetch-Site": "cross-site" }, multipart: { intent: "save" } },
  ];
  for (const to of REDIRECTS) list.push({ name: `redirectTo ${JSON.stringify(to)}`, form: { intent: "accept", redirectTo: to, updateId: "x" } });
  for (const intent of INTENTS) list.push({ name: `intent ${JSON.stringify(intent.slice(0, 30))}`, form: { intent } });
  list.push({ name: "repeated intents", headers: { "Content-Type": FORM }, body: "intent=save&intent=delete&intent=publish&intent=cancel" });
  for (const value of ODD_VALUES) {
    list.push({ name: `odd value ${JSON.stringify(value)}`, form: { intent: "save", ...Object.fromEntries(FIELDS.map((f) => [f, value])) } });
  }
  return list;
}

async function send(ctx: APIRequestContext, url: string, post: Post): Promise<APIResponse> {
  // a new connection each time: a kept-alive socket reused just as the server times it out is a client race
  const headers = { Connection: "close", ...post.headers };
  const options = { method: post.method ?? "POST", headers, maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 };
  if (post.multipart) return ctx.fetch(url, { ...options, multipart: post.multipart });
  if (post.form) return ctx.fetch(url, { ...options, form: post.form });
  return ctx.fetch(url, { ...options, data: post.body });
}

async function signedIn(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return context;
}

async function find(ctx: APIRequestContext, path: string, pattern: RegExp): Promise<string> {
  const html = await (await ctx.get(path)).text();
  const match = pattern.exec(html);
  if (!match) throw new Error(`nothing matching ${pattern} at ${path}`);
  return match[1];
}

test("a thousand malformed posts at every form route answer no 5xx, and cross-site posts 403", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(15 * 60_000);
  const organiserContext = await signedIn(browser, baseURL!, "organiser@example.org");
  const focalContext = await signedIn(browser, baseURL!, "focal.be-police@example.org");
  const organiser = organiserContext.request;
  const focal = focalContext.request;
  const anonymous = await playwright.request.newContext({ baseURL });

  // Real ids and slugs of the seeded data (prisma/seed.ts), so the posts reach the actions' own checks.
  const meetingId = await find(organiser, "/admin/meetings", new RegExp(`/admin/meetings/(${CUID})`));
  const registrationId = await find(organiser, `/admin/meetings/${meetingId}/registrations`, new RegExp(`/registrations/(${CUID})`));
  let followUp: { meetingId: string; id: string } | null = null;
  for (const m of new Set((await (await organiser.get("/admin/meetings")).text()).match(new RegExp(`(?<=/admin/meetings/)${CUID}`, "g")))) {
    const found = new RegExp(`/mail/follow-ups/(${CUID})`).exec(await (await organiser.get(`/admin/meetings/${m}/mail`)).text());
    if (found) {
      followUp = { meetingId: m, id: found[1] };
      break;
    }
  }
  expect(followUp, "the seed's delivered follow-up").not.toBeNull();
  const mailId = await find(organiser, "/admin/mail", new RegExp(`/admin/mail/(${CUID})`));
  const agencyId = await find(organiser, "/admin/agencies", new RegExp(`/admin/agencies/(${CUID})`));
  const seriesId = await find(organiser, "/admin/series", new RegExp(`/admin/series/(${CUID})`));
  const recommendationId = await find(organiser, "/recommendations", new RegExp(`/recommendations/(${CUID})`));
  let delegation: { slug: string; delegateId: string } | null = null;
  for (const [, slug] of (await (await focal.get("/delegations")).text()).matchAll(/\/delegations\/([a-z0-9-]+)"/g)) {
    const found = new RegExp(`/delegations/${slug}/(${CUID})`).exec(await (await focal.get(`/delegations/${slug}`)).text());
    if (found) {
      delegation = { slug, delegateId: found[1] };
      break;
    }
  }
  expect(delegation, "a seeded delegate of the focal point's agency").not.toBeNull();
  const { slug: delegationSlug, delegateId } = delegation!;

  // Every route in app/routes with an action; index routes are posted to with ?index as Remix's forms do.
  // /logout comes last: a same-site post to it ends the session.
  const routes = [
    "/login",
    "/me",
    "/meetings/document-fraud-expert-meeting-2027/register",
    `/registrations/${BAD_TOKEN}`,
    `/invite/${BAD_TOKEN}`,
    `/progress/${BAD_TOKEN}`,
    `/unsubscribe/${BAD_TOKEN}`,
    `/delegations/${delegationSlug}`,
    `/delegations/${delegationSlug}/${delegateId}`,
    "/admin/meetings/new",
    `/admin/meetings/${meetingId}?index`,
    `/admin/meetings/${meetingId}/edit`,
    `/admin/meetings/${meetingId}/agenda`,
    `/admin/meetings/${meetingId}/clone`,
    `/admin/meetings/${meetingId}/checkin`,
    `/admin/meetings/${meetingId}/recommendations`,
    `/admin/meetings/${meetingId}/registrations`,
    `/admin/meetings/${meetingId}/registrations/${registrationId}`,
    `/admin/meetings/${meetingId}/registrations/delegations`,
    `/admin/meetings/${meetingId}/registrations/import`,
    `/admin/meetings/${followUp!.meetingId}/mail/follow-ups/new`,
    `/admin/meetings/${followUp!.meetingId}/mail/follow-ups/${followUp!.id}`,
    `/admin/mail/${mailId}`,
    "/admin/agencies/new",
    `/admin/agencies/${agencyId}`,
    "/admin/series/new",
    `/admin/series/${seriesId}`,
    "/recommendations/new",
    "/recommendations/import",
    "/recommendations/queue",
    `/recommendations/${recommendationId}?index`,
    `/recommendations/${recommendationId}/edit`,
    "/logout",
  ];

  const origin = new URL(baseURL!).origin;
  const serverErrors: string[] = [];
  const crossSiteAccepted: string[] = [];
  const offSite: string[] = [];
  let sent = 0;
  // The anonymous visitor and the organiser post at every route; the focal point at the routes outside /admin.
  for (const [who, ctx] of [["anonymous", anonymous], ["focal point", focal], ["organiser", organiser]] as const) {
    for (const route of routes.filter((r) => who !== "focal point" || !r.startsWith("/admin"))) {
      const list = posts();
      // a few at a time: fast enough, and no flood that only measures the machine
      for (let i = 0; i < list.length; i += 8) {
        await Promise.all(
          list.slice(i, i + 8).map(async (post) => {
            const response = await send(ctx, route, post).catch((error: Error) => error);
            sent++;
            if (response instanceof Error) {
              serverErrors.push(`${who} ${post.name} -> ${route}: no answer (${response.message.split("\n")[0]})`);
              return;
            }
            const status = response.status();
            const what = `${who} ${post.name} -> ${route}: ${status}`;
            if (status >= 500) serverErrors.push(`${what} ${(await response.text()).slice(0, 200)}`);
            if (post.crossSite && status !== 403 && status !== 429) crossSiteAccepted.push(what);
            const location = response.headers()["location"];
            if (location && new URL(location, origin).origin !== origin) offSite.push(`${what} to ${location}`);
          }),
        );
      }
    }
  }
  expect(serverErrors).toEqual([]);
  expect(crossSiteAccepted).toEqual([]);
  expect(offSite).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(1_000);

  await anonymous.dispose();
  await organiserContext.close();
  await focalContext.close();
});

test("hostile GET, HEAD and odd requests answer no 5xx", async ({ browser, playwright, baseURL }) => {
  const organiserContext = await signedIn(browser, baseURL!, "organiser@example.org");
  const anonymous = await playwright.request.newContext({ baseURL });
  const paths = [
    "/meetings/%E0%A4%A",
    "/meetings/%",
    "/meetings/%00",
    "/meetings/..%2F..%2Fetc%2Fpasswd",
    `/meetings/${"a".repeat(5_000)}`,
    "/admin/meetings/%ZZ",
    "/admin/meetings/not-a-cuid/registrations",
    "/admin/meetings/'%20OR%201=1/edit",
    "/recommendations/%F0%9F%92%A9",
    "/registrations/%0d%0aSet-Cookie:x=1",
    "/login/%0d%0a",
    `/login/${"a".repeat(43)}`,
    "/unsubscribe/%",
    "/invite/..",
    "/meetings.data?_routes=nothing",
    "/meetings.data?_routes=root,routes/admin._index,routes/%ZZ",
    "/_root.data?_routes=",
    "/admin.data?_routes=routes/login",
    "/meetings/document-fraud-expert-meeting-2027.data?_routes=routes/admin.meetings.$id.edit",
    "/meetings?page=-1&q=%ff&series=%00",
    "/meetings?page=99999999999999999999999",
    "/admin/meetings?page=NaN&sort=__proto__",
    "/admin/audit?page=1e309",
    "/login?redirectTo=%0a%0d",
    "//evil.example/",
    "/assets/%",
    "/favicon.svg/..%2f..%2f",
  ];
  const serverErrors: string[] = [];
  for (const [who, ctx] of [["anonymous", anonymous], ["organiser", organiserContext.request]] as const) {
    for (const path of paths) {
      for (const method of ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]) {
        const response = await ctx.fetch(`${baseURL}${path}`, { method, maxRedirects: 0, failOnStatusCode: false });
        if (response.status() >= 500) serverErrors.push(`${who} ${method} ${path}: ${response.status()}`);
        if (["OPTIONS", "PUT", "DELETE", "PATCH"].includes(method)) expect(response.status(), `${method} ${path}`).toBe(405);
      }
    }
  }
  expect(serverErrors).toEqual([]);
  await anonymous.dispose();
  await organiserContext.close();
});

test("a form of half a million fields answers 413 at once, and the server goes on answering", async ({ browser, baseURL }) => {
  // 2 MB (the body limit) of one repeated field: before readForm counted fields, parsing it held the
  // server's CPU for minutes and no other request was answered.
  const organiserContext = await signedIn(browser, baseURL!, "organiser@example.org");
  const headers = { "Content-Type": FORM, Origin: baseURL! };
  const repeated = await organiserContext.request.post("/admin/meetings/new", { headers, data: "title=x&".repeat(262_000), maxRedirects: 0, timeout: 30_000 });
  expect(repeated.status()).toBe(413);
  expect(await repeated.text()).toContain("more fields than any page of Convene sends");
  const distinct = await organiserContext.request.post("/admin/meetings/new", { headers, data: Array.from({ length: 200_000 }, (_, i) => `f${i}=x`).join("&"), maxRedirects: 0, timeout: 30_000 });
  expect(distinct.status()).toBe(413);
  expect((await organiserContext.request.get("/admin")).status()).toBe(200);
  await organiserContext.close();
});
