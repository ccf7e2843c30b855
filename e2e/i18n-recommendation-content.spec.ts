import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// Recommendations in two languages (issue 13 item 2, decision 080): the secretariat adds a recommendation's
// French title and text on its Translation page, without JavaScript; a French reader sees them marked
// lang="fr" (and the theme's French name), an English reader the original, and the French CSV export
// has the French title, says its rows are French, and imports again as a recommendation written in French.

const BRUSSELS = "combating-irregular-migration-eu-2026";

test("the secretariat translates a recommendation into French; French and English readers each get their language", async ({ page, browser, baseURL }) => {
  const u = unique().toUpperCase();
  const code = `E2E-TR-${u}`;
  const frCode = `E2E-FR-${u}`;
  const title = `Train first-line officers on forged visas ${u}`;
  const titleFr = `Former les agents de première ligne aux faux visas ${u}`;
  const textFr = "Les États membres devraient former leurs agents de première ligne à la détection des faux visas.";

  await signIn(page, "secretariat@example.org");
  await page.goto(`/recommendations/new?meeting=${BRUSSELS}`);
  await page.getByLabel("Reference code").fill(code);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Full text").fill("Member States should train their first-line officers to detect forged visas.");
  await page.getByLabel("Lead agency").selectOption({ label: "Frontex — European Border and Coast Guard Agency" });
  await page.getByRole("group", { name: "Themes" }).getByRole("checkbox", { name: "Travel documents" }).check();
  await page.getByRole("button", { name: "Record recommendation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(code) })).toBeVisible();
  const detail = page.url();
  // Staff see that nothing is translated yet.
  await expect(page.getByText("The title and text are not translated into French yet.")).toBeVisible();

  await page.getByRole("link", { name: "Translation", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Translation of ${code}` })).toBeVisible();
  await expect(page.getByText(title, { exact: true })).toHaveAttribute("lang", "en");
  await expectNoAxeViolations(page);

  // The form, without JavaScript (the same session).
  const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const form = await noJs.newPage();
  await form.goto(page.url());
  await form.getByLabel("Title in French").fill(titleFr);
  await form.getByLabel("Text in French").fill(textFr);
  await form.getByRole("button", { name: "Save translations" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Translation saved." })).toBeVisible();
  // Back on the recommendation, in English, with nothing missing any more.
  await expect(form.getByRole("heading", { level: 1, name: `${code}: ${title}` })).toBeVisible();
  await expect(form.getByText(/not translated into French yet/)).toHaveCount(0);
  await noJs.close();

  // A French reader (the same account in another browser, interface in French).
  const french = await browser.newContext({ baseURL, locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const reader = await french.newPage();
  await signIn(reader, "secretariat@example.org", "fr");
  await reader.goto(detail);
  await expect(reader.locator("html")).toHaveAttribute("lang", "fr");
  const h1 = reader.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText(`${code}: ${titleFr}`);
  expect(await reader.getByText(titleFr, { exact: true }).evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("fr");
  const text = reader.getByText(textFr, { exact: true });
  await expect(text).toBeVisible();
  expect(await text.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("fr");
  await expect(reader.getByText("Documents de voyage", { exact: true })).toBeVisible();
  await expectNoAxeViolations(reader);

  // The list in French, and the French CSV export with the French title and theme.
  await reader.goto(`/recommendations?q=${code}`);
  await expect(reader.getByRole("cell", { name: titleFr })).toBeVisible();
  const csv = await (await french.request.get(`/recommendations/export?q=${code}`)).text();
  expect(csv.split("\n")[0]).toContain("code,title,text");
  expect(csv).toContain(titleFr);
  expect(csv).toContain("Documents de voyage");
  expect(csv).not.toContain(title);
  // The file says the row is French, and imported again under another code it makes a recommendation written
  // in French, whose English translation is the one missing (decision 089).
  expect(csv.split("\n")[0]).toMatch(/,language\r?$/);
  expect(csv.split("\n")[1]).toMatch(/,fr\r?$/);
  await reader.goto("/recommendations/import");
  await reader.getByLabel("Fichier CSV").setInputFiles({ name: "fr.csv", mimeType: "text/csv", buffer: Buffer.from(csv.replaceAll(code, frCode)) });
  await reader.getByRole("button", { name: "Importer" }).click();
  await expect(reader.getByText(/^1 ligne importée,/)).toBeVisible();
  await reader.getByRole("link", { name: frCode, exact: true }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${frCode}: ${titleFr}`);
  await expect(reader.getByText("Le titre et le texte ne sont pas encore traduits en anglais.")).toBeVisible();
  // Back to English for the shared account (other specs sign it in in English).
  await reader.goto("/?lang=en");
  await french.close();

  // An English reader gets the original.
  await page.goto(detail);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${code}: ${title}`);
  const english = await (await page.context().request.get(`/recommendations/export?q=${code}`)).text();
  expect(english).toContain(title);
  expect(english).not.toContain(titleFr);
});

test("the secretariat names themes in French; a theme without its French name is marked English on French forms", async ({ page, browser, baseURL }) => {
  await signIn(page, "secretariat@example.org");
  await page.goto("/recommendations");
  await page.getByRole("link", { name: "Themes in two languages" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Themes in two languages" })).toBeVisible();
  const travel = page.getByRole("group", { name: "Theme: Travel documents" });
  await expect(travel.getByLabel("Name in French")).toHaveValue("Documents de voyage");
  await expect(travel.getByLabel("Name in French")).toHaveAttribute("lang", "fr");
  await expectNoAxeViolations(page);

  // One theme without its French name for a moment (restored below).
  const capacity = page.getByRole("group", { name: "Theme: Capacity building" }).getByLabel("Name in French");
  await capacity.fill("");
  await page.getByRole("button", { name: "Save translations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Theme names saved." })).toBeVisible();

  const french = await browser.newContext({ baseURL, locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const reader = await french.newPage();
  await signIn(reader, "secretariat@example.org", "fr");
  await reader.goto(`/recommendations/new?meeting=${BRUSSELS}`);
  const themes = reader.getByRole("group", { name: "Thèmes" });
  await expect(themes.getByRole("checkbox", { name: "Capacity building" })).toBeVisible();
  await expect(themes.locator("label", { hasText: "Capacity building" })).toHaveAttribute("lang", "en");
  expect(await themes.locator("label", { hasText: "Documents de voyage" }).getAttribute("lang")).toBeNull();
  await expectNoAxeViolations(reader);
  await reader.goto("/?lang=en");
  await french.close();

  await page.goto("/recommendations/themes");
  await capacity.fill("Renforcement des capacités");
  await page.getByRole("button", { name: "Save translations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Theme names saved." })).toBeVisible();
});
