import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, unique, errorsOf } from "./helpers";

// Issue 13: the secretariat's recommendation pages and the focal point's progress link in French. Staff
// sign in (in English, as helpers.ts does) and choose French once with ?lang=fr, which the cookie remembers;
// the focal point's browser asks for French (Accept-Language) on a link that needs no sign-in.

const BRUSSELS = "combating-irregular-migration-eu-2026";

// Hang guards, not speed checks: these journeys run axe on a dozen pages, on a machine others share.
test.describe.configure({ timeout: 480_000 });
const expect = baseExpect.configure({ timeout: 30_000 });


async function frenchSecretariat(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, "secretariat@example.org");
  await page.goto("/recommendations?lang=fr");
  return { context, page };
}

/**
 * The page is French throughout: `<html lang="fr">`, no English-marked untranslated wrapper, no axe violation
 * (axe runs as a script: not in a context without JavaScript).
 */
async function expectFrenchPage(page: Page, axe = true) {
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator("main .untranslated")).toHaveCount(0);
  // No English-marked block; content not translated yet (a recommendation title shown in its English
  // original, decision 080) is marked on its own cell, span or paragraph.
  await expect(page.locator("main div[lang='en'], main section[lang='en']")).toHaveCount(0);
  if (axe) await expectNoAxeViolations(page);
}

test("the secretariat works on recommendations in French: list, one recommendation, dashboard, review queue, report", async ({ browser }) => {
  const { context, page } = await frenchSecretariat(browser);
  const errors = errorsOf(page);

  await expect(page).toHaveTitle("Recommandations · Convene");
  await expect(page.getByRole("heading", { level: 1, name: "Recommandations" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Enregistrer une recommandation" })).toBeVisible();
  const filters = page.getByRole("form", { name: "Filtrer les recommandations" });
  await filters.getByLabel("Statut").selectOption({ label: "Adoptée" });
  await filters.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/status=ADOPTED/);
  await expect(page.getByRole("status").filter({ hasText: /^\d[\d\u202f ]* recommandations?$/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Agence chef de file" })).toBeVisible();
  await expectFrenchPage(page);

  await page.goto(`/recommendations/new?meeting=${BRUSSELS}`);
  await expect(page.getByLabel("Réunion où elle a été formulée")).toBeVisible();
  await expectFrenchPage(page);

  await page.goto("/recommendations?q=BRU-2026-01");
  await page.getByRole("link", { name: "BRU-2026-01" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^BRU-2026-01: / })).toBeVisible();
  await expect(page).toHaveTitle("BRU-2026-01 · Recommandations · Convene");
  await expect(page.getByRole("heading", { name: "Historique des statuts" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Changer le statut" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: /^Avancement \d+ %$/ })).toBeVisible();
  await expectFrenchPage(page);

  await page.goto("/recommendations/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord des recommandations" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Par statut" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Recommandations par statut/ })).toBeVisible();
  for (const summary of await page.getByText("Afficher les données").all()) await summary.click();
  await expect(page.getByRole("row", { name: /^Adoptée \d+$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Recommandations par agence chef de file et par statut" })).toBeVisible();
  await expectFrenchPage(page);

  await page.goto("/recommendations/rate");
  await expect(page.getByRole("img", { name: /^Taux de mise en œuvre par trimestre.*T[1-4] \d{4}/ })).toBeVisible();
  await expectFrenchPage(page);

  await page.goto("/recommendations/queue");
  await expect(page.getByRole("heading", { level: 1, name: "Points d’avancement à examiner" })).toBeVisible();
  await expectFrenchPage(page);

  await page.goto("/recommendations/report");
  await page.getByLabel("Rapport pour une réunion").selectOption({ value: await meetingId(page) });
  await page.getByRole("button", { name: "Afficher le rapport de la réunion" }).click();
  await expect(page.getByRole("heading", { name: /^Formulées lors de cette réunion \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Échéance" }).first()).toBeVisible();
  await expectFrenchPage(page);

  await page.goto(`/admin/meetings/${await meetingId(page)}/recommendations`);
  await expect(page.getByRole("heading", { name: "Ajout rapide" })).toBeVisible();
  await expectFrenchPage(page);

  expect(errors).toEqual([]);
  await context.close();
});

/** The Brussels meeting's id, read from the report form's options. */
async function meetingId(page: Page): Promise<string> {
  if (!page.url().includes("/recommendations/report")) await page.goto("/recommendations/report");
  const options = page.getByLabel("Rapport pour une réunion").locator("option", { hasText: "Combating Irregular Migration in the EU" });
  return (await options.first().getAttribute("value"))!;
}

test("without JavaScript, the new recommendation form refuses bad input in French and keeps what was typed", async ({ browser }) => {
  const { context, page } = await frenchSecretariat(browser, false);
  await page.goto(`/recommendations/new?meeting=${BRUSSELS}`);
  await expect(page.getByRole("heading", { level: 1, name: "Enregistrer une recommandation" })).toBeVisible();
  await page.getByLabel("Code de référence").fill("pas un code !");
  await page.getByLabel("Titre").fill("Trop tôt");
  await page.getByLabel("Texte intégral").fill("Échéance avant la réunion elle-même.");
  await page.getByLabel("Agence chef de file").selectOption({ label: "Frontex — European Border and Coast Guard Agency" });
  await page.getByLabel("Échéance").fill("2026-01-15");
  await page.getByRole("button", { name: "Enregistrer la recommandation" }).click();
  // The schema's message (checked on the server, as there is no script)…
  await expect(page.getByText("Utilisez des lettres, des chiffres, des points, des tirets ou des barres obliques, par exemple BRU-2026-01.")).toBeVisible();
  await expect(page.getByLabel("Titre")).toHaveValue("Trop tôt");
  await expectFrenchPage(page, false);
  // …then the domain's refusal.
  await page.getByLabel("Code de référence").fill(`E2E-FR-${unique()}`);
  await page.getByRole("button", { name: "Enregistrer la recommandation" }).click();
  await expect(page.getByText("L’échéance ne peut pas précéder la réunion où la recommandation a été formulée.")).toBeVisible();
  await expect(page.getByLabel("Échéance")).toHaveAttribute("aria-invalid", "true");
  await expectFrenchPage(page, false);
  await context.close();
});

test("a focal point whose browser asks for French reports progress through the emailed link in French", async ({ browser }) => {
  const sec = await browser.newContext();
  const staff = await sec.newPage();
  await signIn(staff, "secretariat@example.org");
  await staff.goto("/recommendations?q=CG-2025-S-01");
  await staff.getByRole("link", { name: "CG-2025-S-01" }).click();
  await staff.getByRole("button", { name: "Request progress" }).click();
  await expect(staff.getByText(/Progress requested from 1 focal point/)).toBeVisible();
  await staff.goto(`/dev/mailbox?to=${encodeURIComponent("focal.be-police@example.org")}`);
  await staff.getByRole("link", { name: /CG-2025-S-01/ }).first().click();
  const href = (await staff.getByRole("link", { name: /\/progress\// }).first().getAttribute("href"))!;
  await sec.close();

  const focal = await browser.newContext({ locale: "fr-FR" });
  const page = await focal.newPage();
  const errors = errorsOf(page);
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1, name: "Signaler l’avancement de CG-2025-S-01" })).toBeVisible();
  await expect(page).toHaveTitle("Signaler l’avancement · Convene");
  await expect(page.getByText(/^Actuellement En cours/)).toBeVisible();
  await expectFrenchPage(page);
  await page.getByLabel("Ce qui a été fait").fill("Officiers de liaison en place à Dunkerque.");
  await page.getByLabel("Avancement proposé (%)").fill("75");
  await page.getByRole("button", { name: "Envoyer le point d’avancement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Merci" })).toBeVisible();
  await expect(page.getByText("Ce lien ne peut plus être utilisé.", { exact: false })).toBeVisible();
  await page.goto(href);
  await expect(page.getByText(/^Ce lien a déjà servi à envoyer un rapport/)).toBeVisible();
  await expectFrenchPage(page);
  expect(errors).toEqual([]);
  await focal.close();
});
