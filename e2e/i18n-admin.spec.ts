import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// Issue 13: the organiser's pages in French. The organiser asks for French once (?lang=fr, remembered in the
// cookie); every page below is then French through and through: <html lang="fr">, no English block marked
// lang="en", French headings and labels, and axe clean. The edit form refuses a bad value without JavaScript
// and says why in French.

const MEETING = "Expert Meeting on Document Fraud and Identity Management";

async function expectFrenchPage(page: Page, heading: { level: number; name: string | RegExp }, options: { englishNames?: boolean } = {}) {
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", heading)).toBeVisible();
  const english = page.locator("main [lang='en']");
  if (options.englishNames) {
    // The interface is French; only the names of things written in English and not translated (the demo's
    // meetings, named in the audit log's sentences) are English, each a link marked so.
    await expect(english.first()).toBeVisible();
    expect(await english.count()).toBe(await page.locator("main table td a[lang='en']").count());
  } else {
    await expect(english).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
}

test("an organiser with a French interface gets the organiser's pages in French", async ({ page, browser, baseURL }) => {
  // A guard against hangs, not a speed check: nine pages with axe on a shared machine.
  test.setTimeout(20 * 60_000);
  await signIn(page, "organiser@example.org");
  await page.goto("/admin?lang=fr");
  await expectFrenchPage(page, { level: 1, name: "Organiser" });
  await expect(page).toHaveTitle("Organiser · Convene");
  await expect(page.getByRole("columnheader", { name: "Liens rapides" })).toBeVisible();

  await page.getByRole("link", { name: MEETING }).first().click();
  await expectFrenchPage(page, { level: 2, name: "Aperçu" });
  const sections = page.getByRole("navigation", { name: "Rubriques de la réunion" });
  await expect(sections.getByRole("link", { name: "Ordre du jour" })).toBeVisible();
  await expect(page.getByText("Fuseau horaire", { exact: true })).toBeVisible();
  const overview = page.url();

  await sections.getByRole("link", { name: "Ordre du jour" }).click();
  await expectFrenchPage(page, { level: 2, name: "Ordre du jour" });
  await expect(page.getByRole("heading", { level: 3, name: "Ajouter un point" })).toBeVisible();
  await expect(page.getByLabel("Fait partie de").last()).toBeVisible();

  await sections.getByRole("link", { name: "Documents" }).click();
  await expectFrenchPage(page, { level: 2, name: "Documents" });
  await expect(page.getByRole("heading", { level: 3, name: "Téléverser un document" })).toBeVisible();
  await expect(page.getByLabel("Qui peut le voir").last()).toBeVisible();

  await page.goto("/admin/series");
  await expectFrenchPage(page, { level: 1, name: "Séries" });
  await page.goto("/admin/agencies");
  await expectFrenchPage(page, { level: 1, name: "Agences" });
  await expect(page.getByLabel("Nom, sigle ou pays")).toBeVisible();
  await page.goto("/admin/audit");
  await expectFrenchPage(page, { level: 1, name: "Journal d'audit" }, { englishNames: true });
  await expect(page.getByRole("columnheader", { name: "Ce qui s'est passé" })).toBeVisible();

  // The edit form without JavaScript: the server refuses a bad value and says so in French.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const form = await noScript.newPage();
  await form.goto(`${new URL(overview).pathname}/edit`);
  await form.getByLabel("Langues").fill("english");
  await form.getByRole("button", { name: "Enregistrer la réunion" }).click();
  await expect(form.getByText("Saisissez des codes de langue à deux lettres séparés par des virgules, par exemple en,fr.")).toBeVisible();
  await expect(form.getByLabel("Langues")).toHaveAttribute("aria-invalid", "true");
  // axe needs scripts, so this page without JavaScript is checked for its language only.
  await expect(form.locator("html")).toHaveAttribute("lang", "fr");
  await expect(form.locator("main [lang='en']")).toHaveCount(0);
  await noScript.close();
});
