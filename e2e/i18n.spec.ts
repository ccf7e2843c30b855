import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { errorsOf, expectNoAxeViolations, startSecondInstance, unique } from "./helpers";

// Issue 13's groundwork: the interface language comes from ?lang (remembered in a cookie), else the browser's
// Accept-Language, else English; the switcher works without JavaScript and keeps the page; the public meetings
// list is translated in full (dates included); an anonymous cached page never crosses languages.


test.describe("a French browser", () => {
  test.use({ locale: "fr-FR" });

  test("gets the meetings list in French, dates and zone included, and it stays French once hydrated", async ({ page }) => {
    const errors = errorsOf(page);
    await page.goto("/meetings");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Réunions à venir" })).toBeVisible();
    await expect(page).toHaveTitle("Réunions · Convene");
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Réunions" })).toBeVisible();
    await expect(page.getByLabel("Agence participante")).toBeVisible();
    await expect(page.getByRole("button", { name: "Filtrer" })).toBeVisible();
    await expect(page.getByText(/^\d[\d\u202f ]* réunions?$/)).toBeVisible();
    // "jeudi 4 juin 2026, 09:00–17:00 (heure de Bruxelles, UTC+02:00)"
    const when = page.locator(".card p").first();
    await expect(when).toHaveText(/^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(er)? [a-zéû]+ \d{4}, \d\d:\d\d.*\(heure d/);
    await expectNoAxeViolations(page);
    // A client-side navigation after hydration renders in French too.
    await page.getByRole("link", { name: "Afficher les réunions passées" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Réunions passées" })).toBeVisible();
    await expect(page).toHaveURL(/when=past/);
    // The development mailbox (demo only) is in French too, its title included: no English block left.
    await page.goto("/dev/mailbox");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Boîte aux lettres de développement" })).toBeVisible();
    await expect(page).toHaveTitle("Boîte aux lettres de développement · Convene");
    await expect(page.getByLabel("Le destinataire contient")).toBeVisible();
    await expect(page.locator("main .untranslated")).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});

test("an English browser gets English, with the switcher offering French", async ({ page }) => {
  const errors = errorsOf(page);
  await page.goto("/meetings");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Upcoming meetings" })).toBeVisible();
  await expect(page.getByText(/^\d[\d,]* meetings?$/)).toBeVisible();
  await expect(page.locator(".card p").first()).toHaveText(/^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d.* [A-Z][\w/]+ \(UTC[+-]\d\d:\d\d\)/);
  const french = page.getByRole("link", { name: "Français" });
  await expect(french).toHaveAttribute("lang", "fr");
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test("the switcher works without JavaScript, keeps the page and its query, and is remembered", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/meetings?when=past");
  await expect(page.getByRole("heading", { level: 1, name: "Past meetings" })).toBeVisible();
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/meetings\?when=past&lang=fr$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Réunions passées" })).toBeVisible();
  // The header still fits a phone with the switcher in it.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The choice is kept in the lang cookie: the next page is French without ?lang, over the browser's English.
  await page.goto("/meetings");
  await expect(page.getByRole("heading", { level: 1, name: "Réunions à venir" })).toBeVisible();
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Réunions à venir" })).toBeVisible();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Upcoming meetings" })).toBeVisible();
  await page.goto("/meetings");
  await expect(page.getByRole("heading", { level: 1, name: "Upcoming meetings" })).toBeVisible();
  await context.close();
});

test.describe("the anonymous page cache", () => {
  // A server of its own on the same build and database, keeping pages for ten minutes, so that what it
  // stores is certainly still held when the reader of the other language asks (no timing involved).
  let server: Awaited<ReturnType<typeof startSecondInstance>> | undefined;
  let CACHED = "";

  test.beforeAll(async () => {
    server = await startSecondInstance({ PAGE_CACHE_MS: "600000" }, 2);
    CACHED = server.url;
  });

  test.afterAll(() => {
    server?.stop();
  });

  test("never serves a page in another language", async ({ playwright }) => {
    const visitor = (language: string) => playwright.request.newContext({ baseURL: CACHED, extraHTTPHeaders: { "Accept-Language": language } });
    const french = await visitor("fr-FR,fr;q=0.9");
    const english = await visitor("en-GB,en;q=0.9");
    const heading = async (response: APIResponse) => /<h1>([^<]*)<\/h1>/.exec(await response.text())?.[1];
    const lang = async (response: APIResponse) => /<html lang="(\w+)"/.exec(await response.text())?.[1];

    const first = await french.get("/meetings?when=past");
    expect(await heading(first)).toBe("Réunions passées");
    expect(await lang(first)).toBe("fr");
    expect(first.headers()["vary"]).toMatch(/Accept-Language/);
    expect(first.headers()["cache-control"]).toMatch(/^public/);
    expect((await french.get("/meetings?when=past")).headers()["x-convene-cache"]).toBe("hit");
    // The English reader of the same URL gets English, never the French copy held in the store...
    const second = await english.get("/meetings?when=past");
    expect(await heading(second)).toBe("Past meetings");
    expect(await lang(second)).toBe("en");
    // ...and each language is then served from the store in its own language.
    const again = await english.get("/meetings?when=past");
    expect(again.headers()["x-convene-cache"]).toBe("hit");
    expect(await heading(again)).toBe("Past meetings");
    const frenchAgain = await french.get("/meetings?when=past");
    expect(frenchAgain.headers()["x-convene-cache"]).toBe("hit");
    expect(await heading(frenchAgain)).toBe("Réunions passées");
    // An explicit choice sets the cookie, so that answer is personal: never stored, never shared.
    const chosen = await english.get("/meetings?when=past&lang=fr");
    expect(await heading(chosen)).toBe("Réunions passées");
    expect(chosen.headers()["set-cookie"]).toMatch(/^lang=/);
    expect(chosen.headers()["cache-control"] ?? "").not.toMatch(/public/);
    await Promise.all([french.dispose(), english.dispose()]);
  });
});

// Issue 13 item 1: the public and participant pages in French.
test.describe("the public and participant pages in French", () => {
  test.use({ locale: "fr-FR" });
  const BRUSSELS = "combating-irregular-migration-eu-2026";
  const WARSAW = "document-fraud-expert-meeting-2027";

  /** The page is French all through: no part of it is marked English by the layout. */
  async function expectFrench(page: Page, axe = true) {
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.locator("main .untranslated")).toHaveCount(0);
    if (axe) await expectNoAxeViolations(page);
  }

  test("the Brussels meeting page and its printable agenda", async ({ page }) => {
    const errors = errorsOf(page);
    await page.goto(`/meetings/${BRUSSELS}`);
    await expect(page.getByRole("link", { name: "Ajouter au calendrier (.ics)" })).toBeVisible();
    const details = page.locator("dl.details");
    await expect(details.getByText("Fuseau horaire", { exact: true })).toBeVisible();
    await expect(details.getByText(/^Toutes les heures sont indiquées en heure de Bruxelles \(UTC[+-]\d\d:\d\d\)\.$/)).toBeVisible();
    await expect(details.getByText(/^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(er)? [a-zéû]+ \d{4}/).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Ordre du jour" })).toBeVisible();
    await expectFrench(page);

    await page.getByRole("link", { name: "Ordre du jour imprimable" }).click();
    await expect(page).toHaveURL(new RegExp(`/meetings/${BRUSSELS}/agenda$`));
    await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
    await expect(page.getByText(/^Toutes les heures sont indiquées en heure de Bruxelles/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Retour à la réunion" })).toBeVisible();
    await expect(page).toHaveTitle(/^Ordre du jour : /);
    await expectFrench(page);
    expect(errors).toEqual([]);
  });

  test("the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
    await expect(page).toHaveTitle("Connexion · Convene");
    await expect(page.getByLabel("Adresse électronique")).toBeVisible();
    await expect(page.getByRole("button", { name: "M’envoyer un lien de connexion" })).toBeVisible();
    await expectFrench(page);
  });

  test("registering without JavaScript: a French error, then the private page in French", async ({ browser, baseURL }) => {
    test.slow(); // three pages checked by axe: a guard against hangs on a busy machine, not a speed check
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`/meetings/${WARSAW}/register`);
    await expect(page.getByRole("heading", { level: 1, name: /^Inscription : / })).toBeVisible();
    await page.getByLabel("Nom complet").fill("Valérie Visiteuse");
    await page.getByLabel("Adresse électronique").fill("pas-une-adresse");
    await page.getByRole("combobox", { name: /^Agence/ }).selectOption({ label: "UNHCR — Office of the United Nations High Commissioner for Refugees" });
    await page.getByLabel(/J’ai lu l’avis de confidentialité/).check();
    // The browser's own check of type=email would stop the form: the server's answer is what is tested.
    await page.locator("form[method=post]").first().evaluate((form) => form.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await expect(page.getByText("Saisissez une adresse électronique telle que nom@agence.org.")).toBeVisible();
    await expect(page.getByLabel("Nom complet")).toHaveValue("Valérie Visiteuse");
    // axe needs JavaScript in the page: it checks both pages below in a context with it.
    await expectFrench(page, false);

    await page.getByLabel("Adresse électronique").fill(`visiteuse-${unique()}@example.org`);
    await page.getByLabel(/J’ai lu l’avis de confidentialité/).check();
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await expect(page).toHaveURL(/\/registrations\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: /^Votre inscription : / })).toBeVisible();
    await expect(page.getByText("La réunion est complète : vous êtes sur la liste d’attente.")).toBeVisible();
    await expect(page.getByText("Sur liste d’attente", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Modifier vos informations" })).toBeVisible();
    await expectFrench(page, false);
    const privatePage = page.url();
    await context.close();
    const withJs = await browser.newContext({ baseURL, locale: "fr-FR" });
    const again = await withJs.newPage();
    for (const url of [`/meetings/${WARSAW}/register`, privatePage]) {
      await again.goto(url);
      await expectFrench(again);
    }
    await withJs.close();
  });
});
