import { spawn } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3457);

/**
 * Another instance of the app, on Playwright's server's port + `offset` (1 unless a spec needs two), with the
 * same build and database (scripts/e2e-server.sh), answering `x-convene-instance: second`; `extraEnv` adds
 * settings (PAGE_CACHE_MS...). Resolves when it serves pages; `stop()` ends it.
 */
export async function startSecondInstance(extraEnv: Record<string, string> = {}, offset = 1) {
  const url = `http://127.0.0.1:${E2E_PORT + offset}`;
  const child = spawn("node", ["scripts/server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:./.tmp/e2e-${E2E_PORT}.db`,
      SESSION_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      APP_URL: `http://127.0.0.1:${E2E_PORT}`,
      PORT: String(E2E_PORT + offset),
      HOST: "127.0.0.1",
      MAIL_WORKER: "off",
      // Like the first server: production refuses to start without a mail setting.
      DEV_MAILBOX: "on",
      SMTP_URL: "",
      CONVENE_INSTANCE: "second",
      ...extraEnv,
    },
    stdio: "ignore",
  });
  await expect.poll(async () => (await fetch(`${url}/login`).catch(() => null))?.status, { timeout: 30_000 }).toBe(200);
  return { url, stop: () => child.kill("SIGTERM") };
}

/**
 * Signs in through the real flow: request a link, open it from the development mailbox. The sign-in mail is
 * in the person's saved language, and a French spec may have saved French for a shared seed account (the
 * switcher saves the choice of a signed-in person): so the link is found in either language, and the
 * account is put back to English (`?lang=en`, saved) unless the spec asks for another language.
 */
export async function signIn(page: Page, email: string, language: "en" | "fr" = "en") {
  await page.goto("/login?lang=en");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: /email me a sign-in link/i }).click();
  await expect(page.getByRole("status").filter({ hasText: /sign-in link is on its way/i })).toBeVisible();
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: /your convene sign-in link|votre lien de connexion/i }).first().click();
  const link = page.getByRole("link", { name: /\/login\// }).first();
  await page.goto((await link.getAttribute("href"))!);
  await page.goto(`/?lang=${language}`);
  await expect(page.getByRole("button", { name: language === "fr" ? /se déconnecter/i : /sign out/i })).toBeVisible();
}

/**
 * Fails the test on any axe violation, listing them. A sandboxed frame (a mail preview) runs no script, so axe
 * cannot be injected into it and would wait until the test times out: such frames are left out (their mail is
 * checked as a mail, e2e/mail.spec.ts), the page around them is checked.
 */
export async function expectNoAxeViolations(page: Page) {
  const builder = new AxeBuilder({ page });
  if (await page.locator("iframe[sandbox]").count()) builder.exclude("iframe[sandbox]").setLegacyMode();
  const results = await builder.analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Collects the page's console errors and uncaught exceptions from now on (a page that failed to hydrate shows here). */
export const errorsOf = (page: Page) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
};

/** A short unique suffix so each test creates its own data. */
export const unique = () => Math.random().toString(36).slice(2, 8);

/**
 * Waits until React has hydrated the element and run its effects. Typing into a server-rendered field before
 * that races hydration: the form library's effects can move the caret between Playwright's select-all and its
 * typing, so the text lands before the old value instead of replacing it (seen once in a clean-clone run).
 */
export async function waitForHydration(page: Page, selector: string) {
  await page.waitForFunction((s) => {
    const element = document.querySelector(s);
    return !!element && Object.keys(element).some((key) => key.startsWith("__reactFiber"));
  }, selector);
  // Passive effects run after the commit that hydrated the element: two frames later they have run.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
