// `npm run screenshots`: PNGs of the main pages at desktop (1280 px) and phone (390 px) width into
// docs/screenshots/, for the README and for reviewing the look after a change. Not part of CI.
// It builds (npm script), starts the production build on a fresh seeded SQLite file, signs people in with
// operator sign-in links (npm run sign-in-link; no development mailbox, so no demo banner in the pictures),
// takes the pictures with Playwright's Chromium and stops the server. SCREENSHOTS_PORT (default 3599),
// REMIX_BUILD_DIR (default build) and ORG_LOGO_URL (the logo slot) are honoured.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3599);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve("docs/screenshots");
const MEETING = "calais-group-2027-spring";

const SIZES = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

type Shot = { name: string; path: string | ((ctx: { adminMeeting: string }) => string); as: string | null };

const SHOTS: Shot[] = [
  { name: "meeting-list", path: "/meetings", as: null },
  { name: "meeting-page", path: `/meetings/${MEETING}`, as: null },
  { name: "organiser-meeting", path: ({ adminMeeting }) => adminMeeting, as: "organiser@example.org" },
  { name: "registrations", path: ({ adminMeeting }) => `${adminMeeting}/registrations`, as: "organiser@example.org" },
  { name: "check-in", path: ({ adminMeeting }) => `${adminMeeting}/checkin`, as: "organiser@example.org" },
  { name: "recommendations-dashboard", path: "/recommendations/dashboard", as: "secretariat@example.org" },
];

async function waitForServer(url: string, tries = 240) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server at ${url} did not start.`);
}

const DB = `.tmp/screenshots-${PORT}.db`;
const ENV = {
  ...process.env,
  DATABASE_URL: `file:./${DB}`,
  NODE_ENV: "production" as const,
  APP_URL: BASE,
  SESSION_SECRET: "screenshots-secret-screenshots-secret",
  PORT: String(PORT),
  HOST: "127.0.0.1",
  // Production needs somewhere to send mail; nothing is sent while the pictures are taken (no worker).
  SMTP_URL: "smtp://127.0.0.1:9",
  MAIL_WORKER: "off",
  DEV_MAILBOX: "off",
  REMIX_BUILD_DIR: process.env.REMIX_BUILD_DIR ?? "build",
};

function prepareDatabase() {
  fs.mkdirSync(".tmp", { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DB}${suffix}`, { force: true });
  execFileSync("npx", ["tsx", "scripts/db.ts", "deploy"], { env: ENV, stdio: "ignore" });
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { env: ENV, stdio: "ignore" });
}

/** Signs in with a one-time operator link (the same code as emailed links). */
async function signIn(page: Page, email: string) {
  const out = execFileSync("npx", ["tsx", "scripts/sign-in-link.ts", email], { env: ENV, encoding: "utf8" });
  const url = out.trim().split("\n").pop()!;
  await page.goto(url);
  await page.getByRole("button", { name: /sign out/i }).waitFor();
}

async function adminMeetingPath(page: Page) {
  await page.goto(`${BASE}/admin/meetings?q=${encodeURIComponent("spring session 2027")}`);
  await page.getByRole("link", { name: /calais group, spring session 2027/i }).first().click();
  await page.waitForURL(/\/admin\/meetings\/(?!new)[^/?]+$/);
  return new URL(page.url()).pathname;
}

async function shoot(browser: Browser) {
  fs.mkdirSync(OUT, { recursive: true });
  const people = [...new Set(SHOTS.map((s) => s.as))];
  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const person of people) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: size === "phone", hasTouch: size === "phone" });
      const page = await context.newPage();
      let adminMeeting = "";
      if (person) {
        await signIn(page, person);
        if (person === "organiser@example.org") adminMeeting = await adminMeetingPath(page);
      }
      for (const shot of SHOTS.filter((s) => s.as === person)) {
        const url = typeof shot.path === "string" ? shot.path : shot.path({ adminMeeting });
        await page.goto(`${BASE}${url}`);
        const file = path.join(OUT, `${shot.name}-${size}.png`);
        // The first screen, as a visitor sees it; a full page of a long list says less.
        await page.screenshot({ path: file, fullPage: false });
        console.info(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  }
}

if (await fetch(`${BASE}/login`).then(() => true, () => false)) {
  console.error(`Port ${PORT} is taken by another server; set SCREENSHOTS_PORT.`);
  process.exit(1);
}
prepareDatabase();
const server = spawn("node", ["scripts/server.mjs"], { env: ENV, stdio: ["ignore", "ignore", "inherit"] });
let failed = false;
try {
  await waitForServer(`${BASE}/login`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    await shoot(browser);
  } finally {
    await browser.close();
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  server.kill("SIGTERM");
}
process.exit(failed ? 1 : 0);
