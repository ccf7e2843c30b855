import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The main pages, as served (streamed, with a browser's user agent and the session cookie), go through
// the Nu HTML checker (vnu.jar, on the Java that Debian provides; scripts/ensure-chromium.sh) in one Java
// start. No error is allowed; warnings are listed in the output. No page may carry a NUL byte, which React
// 18 streamed next to non-ASCII text before patches/react-dom+18.3.1.patch (docs/decisions/071).

const VNU = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

type Message = { type: string; subType?: string; url?: string; message: string; extract?: string; lastLine?: number };

/** The first link on a page whose address matches, as a path. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${from}`).toBeTruthy();
  return href!;
}

async function save(request: APIRequestContext, dir: string, pages: string[], prefix: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [i, url] of pages.entries()) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const bytes = await response.body();
    expect(bytes.indexOf(0), `NUL byte in ${url}`).toBe(-1);
    const file = path.join(dir, `${prefix}-${i}.html`);
    fs.writeFileSync(file, bytes);
    files.set(file, url);
  }
  return files;
}

test("the main pages have no HTML errors and no NUL byte", async ({ page, browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-vnu-"));

  // Public pages, anonymous.
  const anon = await browser.newPage();
  const meeting = await firstLink(anon, "/meetings", /^\/meetings\/[^/]+$/);
  const series = await firstLink(anon, "/series", /^\/series\/[^/]+$/);
  const publicPages = ["/", "/meetings", meeting, `${meeting}/agenda`, `${meeting}/register`, "/series", series, "/login"];
  const files = await save(anon.request, dir, publicPages, "public");
  await anon.close();

  // The organiser's pages, signed in.
  await signIn(page, "organiser@example.org");
  const adminMeeting = (await firstLink(page, "/admin", /^\/admin\/meetings\/(?!new$)[^/]+$/)).replace(/\/$/, "");
  const staffPages = [
    "/admin",
    adminMeeting,
    `${adminMeeting}/registrations`,
    `${adminMeeting}/agenda`,
    `${adminMeeting}/checkin`,
    "/recommendations",
    "/recommendations/dashboard",
    "/recommendations/queue",
    "/admin/audit",
  ];
  for (const [file, url] of await save(page.request, dir, staffPages, "staff")) files.set(file, url);

  // One Java start for every page. vnu exits non-zero when it finds errors; the JSON report is what counts.
  let report: string;
  try {
    report = execFileSync("java", ["-jar", VNU, "--format", "json", "--stdout", ...files.keys()], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    report = String((e as { stdout?: string }).stdout ?? "");
    if (!report) throw e;
  }
  const messages = (JSON.parse(report) as { messages: Message[] }).messages;
  const describe = (m: Message) => {
    const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : "";
    return `${files.get(file) ?? file}:${m.lastLine ?? "?"}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 120)}]` : ""}`;
  };
  const warnings = messages.filter((m) => m.type === "info");
  if (warnings.length) {
    // Listed once per kind, with a count and the first place (React writes void elements as "<br/>").
    const kinds = new Map<string, { count: number; first: string }>();
    for (const w of warnings) {
      const kind = kinds.get(w.message);
      if (kind) kind.count++;
      else kinds.set(w.message, { count: 1, first: describe(w) });
    }
    console.info(`Nu HTML checker warnings (allowed):\n${[...kinds.values()].map((k) => `${k.count} x ${k.first}`).join("\n")}`);
  }
  expect(messages.filter((m) => m.type !== "info").map(describe)).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
