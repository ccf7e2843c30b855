import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// Content in two languages (issue 13 item 2, decision 080): an organiser writes the French title and
// description of a meeting and one agenda item's French title in the Translations tab, without JavaScript;
// a French reader gets them, and the untranslated items in English marked lang="en"; the overview lists
// what is still missing.

const MEETING = "Expert Meeting on Document Fraud and Identity Management";
const SLUG = "document-fraud-expert-meeting-2027";

test("an organiser translates a meeting into French and a French reader sees it, with the rest marked English", async ({ page, browser, baseURL }) => {
  await signIn(page, "organiser@example.org");
  await page.goto(`/admin/meetings?q=${SLUG}`);
  await page.getByRole("link", { name: MEETING }).click();
  await page.waitForURL(/\/admin\/meetings\/[^/?]+$/);
  const overview = page.url();
  // Nothing translated yet: the overview counts the meeting's texts that are not in French.
  const missing = page.getByRole("region", { name: "Translations" });
  await expect(missing.getByText(/texts are not translated into French yet/)).toBeVisible();
  await expect(missing.getByRole("listitem").filter({ hasText: "Meeting title" })).toBeVisible();

  await page.getByRole("navigation", { name: "Meeting sections" }).getByRole("link", { name: "Translations" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Translations" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The form, without JavaScript (the same session).
  const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const form = await noJs.newPage();
  await form.goto(page.url());
  const title = `Réunion d'experts sur la fraude documentaire ${unique()}`;
  const meetingPart = form.getByRole("group", { name: "The meeting" });
  await meetingPart.getByLabel("Title in French").fill(title);
  await meetingPart.getByLabel("Description in French").fill("Suite de la réunion de Bruxelles de juin 2026.");
  await form.getByRole("group", { name: "Agenda item: Trends in document fraud at EU external borders" }).getByLabel("Title in French").fill("Tendances de la fraude documentaire");
  await form.getByRole("button", { name: "Save translations" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Translations saved." })).toBeVisible();
  await expect(meetingPart.getByLabel("Title in French")).toHaveValue(title);
  await noJs.close();

  // The overview no longer lists the meeting's title, and still lists the untranslated items.
  await page.goto(overview);
  await expect(missing.getByRole("listitem").filter({ hasText: "Meeting title" })).toHaveCount(0);
  await expect(missing.getByRole("listitem").filter({ hasText: "Title of agenda item “Opening”" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A French reader (Accept-Language fr) of the public page.
  const french = await browser.newContext({ baseURL, locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const reader = await french.newPage();
  await reader.goto(`/meetings/${SLUG}`);
  await expect(reader.locator("html")).toHaveAttribute("lang", "fr");
  const h1 = reader.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText(title);
  // French content in a page whose own text is French: no lang on it, or lang="fr" while the page's labels
  // are still English (a page not translated yet is wrapped in lang="en").
  expect(await h1.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("fr");
  await expect(reader.getByText("Suite de la réunion de Bruxelles de juin 2026.")).toBeVisible();
  const translated = reader.getByText("Tendances de la fraude documentaire", { exact: true });
  expect(await translated.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("fr");
  // An item without a French title falls back to English, marked lang="en".
  const fallback = reader.getByText("Specimen exchange and the FADO system", { exact: true });
  expect(await fallback.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("en");
  await expectNoAxeViolations(reader);

  // The meetings list shows the French title too; an English reader still gets the original.
  await reader.goto("/meetings");
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await french.close();
  await page.goto(`/meetings/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: MEETING })).toBeVisible();
});

test("the Brussels meeting is seeded in French, every agenda item included", async ({ browser, baseURL }) => {
  const french = await browser.newContext({ baseURL, locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const reader = await french.newPage();
  await reader.goto("/meetings/combating-irregular-migration-eu-2026/agenda");
  await expect(reader.getByRole("heading", { level: 1, name: "Lutte contre la migration irrégulière dans l'UE" })).toBeVisible();
  await expect(reader.getByText("Session 1 : systèmes d'information Schengen et visas")).toBeVisible();
  await expect(reader.getByText("Specimen exchange")).toHaveCount(0);
  await expectNoAxeViolations(reader);
  await french.close();
});
