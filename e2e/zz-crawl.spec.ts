import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// A safety net over the whole app rather than one journey: each role crawls the pages it can reach
// and every page must answer without a 5xx, have exactly one <h1>, pass axe and log no console
// errors. The organiser and a focal point then submit every kind of form they met with hostile
// input. The file runs last (zz-) because those submissions change the seeded data.

const HOSTILE_SHORT = '=HYPERLINK("http://evil")<script>alert(1)</script>';
const HOSTILE = HOSTILE_SHORT + "x".repeat(5000);
const LIVE_SCRIPT = "alert(1)";
// Values a browser would refuse in these input types; the fuzzer turns the inputs into text inputs.
const NONSENSE: Record<string, string> = {
  date: "2026-13-45",
  "datetime-local": "not-a-dateT99:99",
  time: "25:61",
  month: "2026-99",
  week: "2026-W99",
  number: "1e999",
  range: "-1e999",
};
const TEXT_LIKE = new Set(["text", "email", "url", "search", "tel", "password", ""]);
// Values a careful user would type, for the variant that only gets the choices wrong.
const PLAUSIBLE: Record<string, string> = {
  text: "crawl-check",
  email: "crawl-check@example.org",
  url: "https://example.org/crawl-check",
  date: "2027-05-03",
  "datetime-local": "2027-05-03T10:00",
  time: "10:00",
  number: "1",
  textarea: "Written by the crawler.",
};
// Zod's built-in messages are for developers; every message a user sees is written for them.
const RAW_ZOD_MESSAGE = /^Required$|String must contain|Expected \w+, received|Invalid enum value|Number must be|Invalid literal value|Invalid discriminator value|Invalid input/;

const STARTS = ["/", "/meetings", "/admin", "/recommendations", "/me", "/delegations", "/admin/mail"];
const MAX_PAGES = 45;
const MAX_FORMS = 40;

// The fuzzing roles go last, the organiser (who can close registration or publish) at the very end,
// so the other roles crawl the seeded data as it is.
const ROLES = [
  { role: "anonymous", email: null, fuzz: false },
  { role: "secretariat", email: "secretariat@example.org", fuzz: false },
  { role: "participant", email: "participant@example.org", fuzz: false },
  { role: "focal point", email: "focal.frontex@example.org", fuzz: true },
  { role: "organiser", email: "organiser@example.org", fuzz: true },
] as const;

// Path segments that belong to a route (app/routes); every other segment is data: an id, a slug
// of seeded or generated data, or a token. Such segments become ":id" in the route pattern.
const ROUTE_SEGMENTS = new Set([
  "admin", "agencies", "new", "audit", "mail", "meetings", "agenda", "checkin", "sheet", "clone", "edit",
  "history", "follow-ups", "recommendations", "registrations", "registrations.csv", "delegations", "import",
  "dev", "mailbox", "invite", "login", "logout", "me", "participants", "register", "calendar.ics", "progress",
  "dashboard", "export", "queue", "rate", "report", "series", "summary", "unsubscribe", "badges.pdf", "sheet.pdf", "summary.pdf",
  "documents", "documents.zip", "files", "translations", "translation", "themes",
]);

function routePattern(url: URL) {
  return url.pathname
    .split("/")
    .map((s) => (s === "" || ROUTE_SEGMENTS.has(s) ? s : ":id"))
    .join("/");
}

/** One visit per route pattern, plus one with a query string (a filter or a second page). */
const visitKey = (url: URL) => routePattern(url) + (url.search ? "?" : "");

const isDownload = (url: URL) => /\.(ics|csv|json|pdf|zip)$/.test(url.pathname) || /\/export$/.test(url.pathname) || url.pathname.startsWith("/files/");

/** Why a same-origin link is not followed, or null to follow it. */
function skipReason(url: URL, signedIn: boolean): string | null {
  if (url.pathname === "/logout") return "signs out";
  // The development mailbox shows the same to everyone; the anonymous crawl checks it, the others
  // spend their page budget on their own pages.
  if (signedIn && url.pathname.startsWith("/dev/")) return "checked by the anonymous crawl";
  // The development mailbox shows everyone's sign-in links; following one would switch the user
  // this crawl runs as. sign-in.spec.ts covers the token page.
  if (/^\/login\/[^/]+$/.test(url.pathname)) return "another person's sign-in link";
  return null;
}

type Button = { name: string; value: string; text: string };
type FormInfo = { index: number; method: string; action: string; fields: string[]; buttons: Button[] };

// A form is left alone when all it can do is sign out, delete something or cancel the meeting:
// those are one-way and the other specs cover them deliberately.
const DANGEROUS = /sign out|delete|cancel (this |the )?meeting/i;

async function formsOn(page: Page): Promise<FormInfo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("form")].map((f, index) => {
      const elements = [...f.elements] as (HTMLInputElement | HTMLButtonElement)[];
      const isSubmit = (e: Element) =>
        (e instanceof HTMLButtonElement && e.type === "submit") || (e instanceof HTMLInputElement && e.type === "submit");
      return {
        index,
        method: (f.getAttribute("method") ?? "get").toLowerCase(),
        action: new URL(f.getAttribute("action") ?? location.href, location.href).href,
        fields: [...new Set(elements.filter((e) => e.name && !isSubmit(e)).map((e) => e.name))],
        buttons: elements
          .filter(isSubmit)
          .map((b) => ({ name: b.name, value: b.value, text: (b.textContent || b.value || "").trim().replace(/\s+/g, " ") })),
      };
    }),
  );
}

/** Forms of a page worth fuzzing, each with the button to press. */
function fuzzable(forms: FormInfo[]) {
  return forms
    .filter((f) => f.method === "post" && new URL(f.action).pathname !== "/logout")
    .map((f) => ({ form: f, button: f.buttons.find((b) => !DANGEROUS.test(b.text)) }))
    .filter((x): x is { form: FormInfo; button: Button } => x.button !== undefined);
}

/** Repeated forms (one per table row) and per-recipient counts in labels collapse to one kind. */
const formKey = (f: FormInfo, b: Button) =>
  [routePattern(new URL(f.action)), [...f.fields].sort().join(","), b.name, b.value, b.text.replace(/\d+/g, "#")].join("|");

/** Checks that hostile text was only ever shown as text. */
async function liveScriptProblems(page: Page) {
  return page.evaluate((needle) => {
    const problems: string[] = [];
    if ([...document.querySelectorAll("script")].some((s) => (s.textContent ?? "").trim() === needle))
      problems.push("the hostile <script> is a live element");
    for (const frame of document.querySelectorAll("iframe[srcdoc]")) {
      if ((frame.getAttribute("srcdoc") ?? "").includes(`<script>${needle}</script>`)) problems.push("the hostile <script> is live in an email");
    }
    return problems;
  }, LIVE_SCRIPT);
}

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 60)}…(${s.length} chars)` : s);

for (const { role, email, fuzz } of ROLES) {
  test(`crawl as ${role}: no 5xx, one h1, no axe violations${fuzz ? ", forms survive hostile input" : ""}`, async ({ page, browser, baseURL, request }) => {
    test.setTimeout(600_000);
    const origin = new URL(baseURL!).origin;
    const problems: string[] = [];
    const problem = (where: string, what: string) => problems.push(`[${role}] ${where}: ${what}`);

    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      // A 403/404 page logs its own status as a failed resource; the status is checked separately.
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) consoleErrors.push(m.text());
    });
    page.on("dialog", async (d) => {
      if (d.message() === "1") problem(page.url(), `a script ran: dialog "${d.message()}"`);
      await d.dismiss();
    });

    if (email) await signIn(page, email);

    const queue = STARTS.map((p) => new URL(p, origin));
    const seen = new Set(queue.map(visitKey));
    const checked = new Set<string>();
    const downloads = new Map<string, URL>();
    const visited: { url: URL; forms: FormInfo[] }[] = [];

    // Query-string variants (filters, second pages) only when no new route is left to see.
    const later: URL[] = [];
    while ((queue.length > 0 || later.length > 0) && visited.length < MAX_PAGES) {
      const url = queue.shift() ?? later.shift()!;
      consoleErrors.length = 0;
      const response = await page.goto(url.href);
      const status = response?.status() ?? 0;
      const at = url.pathname + url.search;
      // A redirect (to /login, say) may land on a page already checked.
      const final = new URL(page.url());
      if (checked.has(visitKey(final))) continue;
      checked.add(visitKey(final));
      seen.add(visitKey(final));
      if (status >= 500) problem(at, `HTTP ${status}`);
      const h1s = await page.locator("h1").count();
      if (h1s !== 1) problem(at, `${h1s} <h1> elements`);
      for (const p of await liveScriptProblems(page)) problem(at, p);
      // axe hangs on pages that embed an email in a sandboxed srcdoc iframe (mail log, dev
      // mailbox, follow-up preview); the email HTML is checked in the mail domain's tests instead.
      if ((await page.locator("iframe[srcdoc]").count()) === 0) {
        await expectNoAxeViolations(page).catch((e: Error) => problem(at, `axe: ${e.message.split("\n").filter((l) => l.includes('"')).join(" ")}`));
      }
      if (consoleErrors.length > 0) problem(at, `console errors: ${consoleErrors.map(short).join(" | ")}`);

      visited.push({ url: final, forms: fuzz ? await formsOn(page) : [] });

      const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const next = new URL(href);
        next.hash = "";
        if (next.origin !== origin || skipReason(next, email !== null)) continue;
        if (isDownload(next)) {
          if (!downloads.has(routePattern(next))) downloads.set(routePattern(next), next);
          continue;
        }
        const key = visitKey(next);
        if (seen.has(key)) continue;
        seen.add(key);
        (next.search ? later : queue).push(next);
      }
    }

    for (const url of downloads.values()) {
      const r = await page.request.get(url.href);
      if (![200, 403, 404].includes(r.status())) problem(url.pathname, `download answered HTTP ${r.status()}`);
    }

    // A mangled id must be a 403/404 (or a sign-in redirect), never a 500.
    for (const { url } of visited) {
      const segments = url.pathname.split("/");
      for (const [i, s] of segments.entries()) {
        if (s === "" || ROUTE_SEGMENTS.has(s)) continue;
        const bad = [...segments];
        bad[i] = "does-not-exist";
        const r = await page.request.get(new URL(bad.join("/"), origin).href);
        if (r.status() >= 500) problem(bad.join("/"), `unknown id answered HTTP ${r.status()}`);
      }
    }

    const { count: forms, actions } = fuzz ? await fuzzForms({ browser, page, visited, problem, downloads }) : { count: 0, actions: [] };
    const refusals = role === "organiser" ? await checkStaffActionsRefused({ browser, request, actions, problem }) : 0;
    if (fuzz) {
      // What the fuzzer saved is shown again on these pages: as text only, and without a 5xx.
      for (const { url } of visited) {
        const r = await page.goto(url.href);
        if ((r?.status() ?? 0) >= 500) problem(url.pathname, `HTTP ${r?.status()} after the forms were fuzzed`);
        for (const p of await liveScriptProblems(page)) problem(url.pathname, `${p} after the forms were fuzzed`);
      }
    }

    console.info(
      `[${role}] ${visited.length} pages (${queue.length + later.length} more left for lack of time), ${downloads.size} downloads, ${forms} kinds of form fuzzed, ${refusals} staff posts refused to others: ${visited.map((v) => visitKey(v.url)).join(" ")}; not visited: ${[...queue, ...later].map(visitKey).join(" ")}`,
    );
    expect(problems, problems.join("\n")).toEqual([]);
  });
}

async function fuzzForms({
  browser,
  page,
  visited,
  problem,
  downloads,
}: {
  browser: Browser;
  page: Page;
  visited: { url: URL; forms: FormInfo[] }[];
  problem: (where: string, what: string) => void;
  downloads: Map<string, URL>;
}) {
  // Forms are submitted without JavaScript, the way they must work anyway: client-side validation
  // would otherwise stop most hostile values before the server sees them.
  const context = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
  const noJs = await context.newPage();
  const done = new Set<string>();
  const actions = new Map<string, FormInfo>();
  let count = 0;

  for (const { url, forms } of visited) {
    for (const { form, button } of fuzzable(forms)) {
      const key = formKey(form, button);
      if (done.has(key) || count >= MAX_FORMS) continue;
      done.add(key);
      count++;
      if (!actions.has(routePattern(new URL(form.action)))) actions.set(routePattern(new URL(form.action)), form);
      // The short hostile text fits most limits, so it is saved and shown again on other pages.
      for (const variant of ["hostile text", "hostile text that fits", "unknown choices"] as const) {
        await noJs.goto(url.href);
        // find the same kind of form again: an earlier submission may have changed the page
        const now = fuzzable(await formsOn(noJs)).find((x) => formKey(x.form, x.button) === key);
        if (!now) break;
        const formLocator = noJs.locator("form").nth(now.form.index);
        const submitted = await formLocator.evaluate(
          (f: HTMLFormElement, { hostile, hostileShort, nonsense, plausible, textLike, variant, button }) => {
            f.noValidate = true;
            // forms folded away in a <details> (edit this agenda item) are opened, as a user would
            for (let d = f.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
            const submits = [...f.elements].filter(
              (e) => (e instanceof HTMLButtonElement && e.type === "submit") || (e instanceof HTMLInputElement && e.type === "submit"),
            );
            submits[button]!.setAttribute("data-fuzz-submit", "");
            const filled: Record<string, string> = {};
            for (const el of [...f.elements]) {
              if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) continue;
              for (const a of ["required", "min", "max", "pattern", "maxlength", "minlength", "step"]) el.removeAttribute(a);
              if (!el.name || el.disabled || el.getClientRects().length === 0) continue;
              if (variant === "unknown choices") {
                // An unknown id in a list of records (not in a fixed list such as a status), with
                // everything else plausible, so it gets past validation to the database.
                if (el instanceof HTMLSelectElement && [...el.options].some((o) => /^c[a-z0-9]{20,}$/.test(o.value))) {
                  el.add(new Option("unknown", "does-not-exist"));
                  el.value = "does-not-exist";
                  filled[el.name] = el.value;
                } else if (!(el instanceof HTMLSelectElement) && !el.value && !el.readOnly && (el instanceof HTMLTextAreaElement || textLike.includes(el.type) || el.type in nonsense)) {
                  el.value = plausible[el instanceof HTMLTextAreaElement ? "textarea" : textLike.includes(el.type) ? el.type || "text" : el.type] ?? plausible.text!;
                  filled[el.name] = el.value;
                }
              } else if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && textLike.includes(el.type) && !el.readOnly)) {
                el.value = variant === "hostile text" ? hostile : hostileShort;
                filled[el.name] = variant === "hostile text" ? "HOSTILE" : "HOSTILE_SHORT";
              } else if (variant === "hostile text that fits" && el instanceof HTMLInputElement && el.type in nonsense) {
                if (!el.value && !el.readOnly) el.value = plausible[el.type] ?? "";
              } else if (el instanceof HTMLInputElement && el.type in nonsense && !el.readOnly) {
                const value = nonsense[el.type]!;
                el.type = "text";
                el.value = value;
                filled[el.name] = value;
              }
            }
            return filled;
          },
          { hostile: HOSTILE, hostileShort: HOSTILE_SHORT, nonsense: NONSENSE, plausible: PLAUSIBLE, textLike: [...TEXT_LIKE], variant, button: now.form.buttons.indexOf(now.button) },
        );
        if (variant === "unknown choices" && !Object.values(submitted).includes("does-not-exist")) continue;
        const what = `${variant} ${JSON.stringify(submitted)} via "${now.button.text}" to ${new URL(now.form.action).pathname}`;
        const statuses: number[] = [];
        const onResponse = (r: { request(): { resourceType(): string }; status(): number }) => {
          if (r.request().resourceType() === "document") statuses.push(r.status());
        };
        noJs.on("response", onResponse);
        const at = url.pathname;
        const navigated = await Promise.all([noJs.waitForNavigation({ timeout: 15_000 }), noJs.locator("[data-fuzz-submit]").click()]).then(
          () => true,
          (e: Error) => (problem(at, `no page came back after ${what}: ${e.message.split("\n")[0]}`), false),
        );
        noJs.off("response", onResponse);
        if (!navigated) continue;
        // CRAWL_DEBUG=1 lists every submission with the messages it got back, to review by eye.
        if (process.env.CRAWL_DEBUG) console.info(`FUZZ ${statuses.join(">")} ${noJs.url()} ${short(what)} :: ${(await noJs.locator("h1").textContent())} :: ${(await noJs.locator(".field-errors, [role=alert], [role=status]").allTextContents()).join(" / ").slice(0, 300)}`);
        if (statuses.some((s) => s >= 500)) problem(at, `HTTP ${statuses.join(" -> ")} after ${what}`);
        if ((await noJs.getByRole("heading", { name: "Something went wrong" }).count()) > 0) problem(at, `"Something went wrong" after ${what}`);
        for (const p of await liveScriptProblems(noJs)) problem(at, `${p} after ${what}`);
        const messages = await noJs.locator(".field-errors li, [role=alert], [role=status]").allTextContents();
        for (const m of messages.filter((m) => RAW_ZOD_MESSAGE.test(m.trim()))) problem(at, `a developer's validation message "${m.trim()}" shown after ${what}`);
      }
    }
  }

  // Raw posts the page would never send: unknown intents, garbage in every field (hidden ids
  // included), and nothing at all.
  for (const form of actions.values()) {
    const garbage = Object.fromEntries(form.fields.map((name) => [name, HOSTILE]));
    const intents = [...new Set(form.buttons.filter((b) => b.name === "intent" && !DANGEROUS.test(b.text)).map((b) => b.value))].slice(0, 4);
    const bodies = [{ ...garbage, intent: "nonsense" }, {}, ...intents.map((intent) => ({ ...garbage, intent }))];
    for (const body of bodies) {
      const r = await page.request.post(form.action, { form: body });
      if (r.status() >= 500) problem(new URL(form.action).pathname + new URL(form.action).search, `raw POST answered HTTP ${r.status()} for fields ${JSON.stringify(Object.keys(body))} intent=${"intent" in body ? body.intent : "(none)"}`);
    }
  }

  // Hostile values saved by the fuzzer must leave CSV exports unable to run formulas.
  for (const url of downloads.values()) {
    if (!url.pathname.endsWith(".csv") && !url.pathname.endsWith("/export")) continue;
    const r = await page.request.get(url.href);
    if (r.status() !== 200) continue;
    const text = await r.text();
    if (/(^|[,\n])"?=HYPERLINK/.test(text)) problem(url.pathname, "a CSV cell starts with a formula");
  }
  await context.close();
  return { count, actions: [...actions.values()] };
}

// Staff pages: a participant or a visitor posting to them must be refused.
const STAFF_ONLY = /^\/(admin\/|recommendations\/(new|import|queue|themes|:id\/(edit|translation))$)/;

/** Replays the organiser's staff forms as a visitor and as a participant. */
async function checkStaffActionsRefused({
  browser,
  request,
  actions,
  problem,
}: {
  browser: Browser;
  request: APIRequestContext;
  actions: FormInfo[];
  problem: (where: string, what: string) => void;
}) {
  const context = await browser.newContext();
  const participant = await context.newPage();
  let checked = 0;
  await signIn(participant, "participant@example.org");
  for (const form of actions.filter((f) => STAFF_ONLY.test(routePattern(new URL(f.action))))) {
    const intents = [...new Set(form.buttons.map((b) => (b.name === "intent" ? b.value : "")))];
    for (const [who, client] of [["a visitor", request], ["a participant", participant.request]] as const) {
      for (const intent of intents) {
        const body = { ...Object.fromEntries(form.fields.map((name) => [name, "crawl-check"])), ...(intent ? { intent } : {}) };
        const r = await client.post(form.action, { form: body, maxRedirects: 0 });
        const location = r.headers()["location"] ?? "";
        const refused = (r.status() >= 400 && r.status() < 500) || (r.status() >= 300 && r.status() < 400 && location.startsWith("/login"));
        if (!refused) problem(new URL(form.action).pathname, `${who} posting intent=${intent || "(none)"} got HTTP ${r.status()} ${location}`);
        checked++;
      }
    }
  }
  await context.close();
  return checked;
}
