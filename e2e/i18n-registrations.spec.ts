import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { expectNoAxeViolations, signIn } from "./helpers";

// Issue 13 for the organiser's registration desk: with a French interface (chosen once with ?lang=fr), the
// registrations of the Brussels meeting (search, filter), one registration, check-in, the follow-up form
// (its errors without JavaScript), the meeting's mail and the mail log are French, axe-clean, in a page marked
// lang="fr" with no English island; the CSV export's header row follows the reader's language.

const SLUG = "combating-irregular-migration-eu-2026";
// A guard against hangs, not a speed check: each test runs axe on several pages, on a machine that may be busy.
test.describe.configure({ timeout: 360_000 });
let meetingId = "";
let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;
let base = "";

test.beforeAll(async ({ browser }) => {
  const port = process.env.E2E_PORT ?? "3457";
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:.tmp/e2e-${port}.db`, timeout: 10_000 }) });
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })).id;
  await db.$disconnect();
  base = `/admin/meetings/${meetingId}`;
  // Signed in once (in English, as the sign-in helper reads the login page), then French chosen once with
  // ?lang=fr: the lang cookie keeps every following page French.
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const page = await context.newPage();
  await signIn(page, "organiser@example.org");
  await page.goto(`${base}/registrations?lang=fr`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  signedIn = await context.storageState();
  await context.close();
});

/** A page of the signed-in organiser, with JavaScript or without. */
async function organiserPage(browser: Browser, baseURL: string | undefined, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled, storageState: signedIn });
  return { context, page: await context.newPage() };
}

/** A translated page: French document, no untranslated English block, no axe violation. */
async function expectFrench(page: Page, axe = true) {
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator('main [lang="en"], main .untranslated')).toHaveCount(0);
  if (axe) await expectNoAxeViolations(page);
}

test("the registrations list in French: counts, search and a status filter", async ({ browser, baseURL }) => {
  const { context, page } = await organiserPage(browser, baseURL);
  await page.goto(`${base}/registrations`);
  await expect(page.getByRole("heading", { level: 2, name: "Inscriptions" })).toBeVisible();
  await expect(page).toHaveTitle("Inscriptions · Organiser · Convene");
  await expect(page.getByText(/\d+ confirmées (sur \d+ places|\(places illimitées\)) · \d+ en attente d’approbation/)).toBeVisible();
  await expectFrench(page);
  const name = (await page.locator("tbody tr td:nth-child(2) a").first().textContent())!;
  await page.getByLabel("Rechercher").fill(name);
  await page.getByRole("combobox", { name: "Statut" }).selectOption({ label: "Confirmée" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/status=CONFIRMED/);
  await expect(page.locator("caption")).toHaveText(/^\d+ inscriptions? correspond/);
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByText("Confirmée")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Présence" })).toBeVisible();
  await expectFrench(page);
  await context.close();
});

test("one registration in French, and the CSV export's header row in the reader's language", async ({ browser, baseURL }) => {
  const { context, page } = await organiserPage(browser, baseURL);
  await page.goto(`${base}/registrations?status=CONFIRMED`);
  const link = page.locator("tbody tr td:nth-child(2) a").first();
  const name = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page).toHaveTitle("Inscription · Organiser · Convene");
  await expect(page.getByText("Avis de confidentialité")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Historique" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Retour aux inscriptions" })).toBeVisible();
  await expectFrench(page);

  // Headers and fixed values follow the reader's language; what people typed stays as stored.
  const french = await page.request.get(`${base}/registrations.csv?col=name&col=role&col=status&status=CONFIRMED`);
  expect(french.status()).toBe(200);
  const [frenchHeader, frenchRow] = (await french.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(frenchHeader).toBe("Nom,Rôle,Statut");
  expect(frenchRow).toMatch(/,(Délégué|Intervenant|Observateur|Organisateur|Rapporteur),Confirmée$/);
  const english = await page.request.get(`${base}/registrations.csv?col=name&col=role&col=status&status=CONFIRMED&lang=en`);
  const [englishHeader, englishRow] = (await english.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(englishHeader).toBe("Name,Role,Status");
  expect(englishRow).toMatch(/,(Delegate|Speaker|Observer|Organiser|Rapporteur),Confirmed$/);
  await context.close();
});

test("check-in and the participant list by delegation in French; an empty scan is refused in French", async ({ browser, baseURL }) => {
  const { context, page } = await organiserPage(browser, baseURL);
  await page.goto(`${base}/checkin`);
  await expect(page.getByRole("heading", { level: 2, name: "Enregistrement" })).toBeVisible();
  await expect(page.getByRole("link", { name: "feuilles A4 de 8" })).toBeVisible();
  await page.getByLabel("Scannez ou saisissez le code du badge").fill(" ");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.locator("#checkin-code-result")).toHaveText("Scannez un badge ou saisissez son code.");
  await expectFrench(page);
  await page.goto(`${base}/checkin/sheet`);
  await expect(page.getByRole("heading", { level: 2, name: "Participants par délégation" })).toBeVisible();
  await expectFrench(page);
  await context.close();
});

test("the meeting's mail, the mail log and one message in French", async ({ browser, baseURL }) => {
  const { context, page } = await organiserPage(browser, baseURL);
  await page.goto(`${base}/mail`);
  await expect(page.getByRole("heading", { level: 2, name: /^Courriels de la réunion / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Journal des courriels" })).toBeVisible();
  await expectFrench(page);
  await page.goto("/admin/mail");
  await expect(page.getByRole("heading", { level: 1, name: "Journal des courriels" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Destinataire" })).toBeVisible();
  await expectFrench(page);
  await page.locator("tbody tr td:nth-child(2) a").first().click();
  await expect(page.getByRole("link", { name: "Retour au journal des courriels" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Texte brut" })).toBeVisible();
  // No axe here: the message's HTML is shown in a sandboxed frame without scripts, where axe waits forever.
  await expectFrench(page, false);
  await context.close();
});

test("the follow-up form submitted empty without JavaScript shows the server's errors in French", async ({ browser, baseURL }) => {
  const { context, page } = await organiserPage(browser, baseURL, false);
  await page.goto(`${base}/mail/follow-ups/new`);
  await expect(page.getByRole("heading", { level: 2, name: "Rédiger un suivi" })).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer comme brouillon" }).click();
  await expect(page.getByText("Saisissez un objet.")).toBeVisible();
  await expect(page.getByText("Rédigez un résumé de la réunion.")).toBeVisible();
  await expect(page.getByText("Choisissez les destinataires du suivi.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Objet/ })).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator('main [lang="en"], main .untranslated')).toHaveCount(0);
  await context.close();
  // axe needs JavaScript in the page: the same form with its errors, validated in the browser this time.
  const withJs = await organiserPage(browser, baseURL);
  await withJs.page.goto(`${base}/mail/follow-ups/new`);
  await withJs.page.getByRole("button", { name: "Enregistrer comme brouillon" }).click();
  await expect(withJs.page.getByText("Choisissez les destinataires du suivi.")).toBeVisible();
  await expectFrench(withJs.page);
  await withJs.context.close();
});
