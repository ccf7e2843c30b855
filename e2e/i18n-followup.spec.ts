import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// A follow-up in two languages (issue 13, decisions 080 and 081): the secretariat writes it in English
// with a French version and sends it; the French-speaking participant's mail is in French, the English
// one's in English. The server runs the inline worker without SMTP_URL: mail lands in the dev mailbox.

const run = unique();
const people = { en: `followup-en-${run}@example.org`, fr: `followup-fr-${run}@example.org` };
let meetingId = "";

test.beforeAll(async () => {
  const port = process.env.E2E_PORT ?? "3457";
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:.tmp/e2e-${port}.db`, timeout: 10_000 }) });
  const meeting = await db.meeting.create({
    data: {
      slug: `followup-${run}`, title: `Expert meeting on returns ${run}`, timeZone: "Europe/Brussels", city: "Brussels",
      startsAt: new Date("2026-03-10T08:00:00Z"), endsAt: new Date("2026-03-10T16:00:00Z"), status: "PUBLISHED", visibility: "PUBLIC",
      capacity: 40, organiserName: "Calais Group secretariat", organiserEmail: "secretariat@example.org",
      translations: { create: { language: "fr", title: `Réunion d’experts sur les retours ${run}` } },
    },
  });
  meetingId = meeting.id;
  for (const [language, email] of Object.entries(people)) {
    await db.registration.create({
      data: {
        meetingId, name: language === "fr" ? "Léa Dubois" : "Ann Smith", email, emailNormalised: email, language,
        status: "CONFIRMED", attendance: "ATTENDED", manageTokenHash: crypto.randomUUID(),
      },
    });
  }
  await db.$disconnect();
});

test("a follow-up written in English with a French version reaches the French participant in French", async ({ page }) => {
  await signIn(page, "secretariat@example.org");
  await page.goto(`/admin/meetings/${meetingId}/mail/follow-ups/new`);
  await expect(page.getByRole("heading", { name: "Compose a follow-up" })).toBeVisible();
  await expectNoAxeViolations(page);

  const subject = `Thank you for Brussels ${run}`;
  const sujet = `Merci pour Bruxelles ${run}`;
  await page.getByLabel("Language of the subject and summary").selectOption("en");
  await page.getByRole("textbox", { name: "Subject", exact: true }).fill(subject);
  await page.getByRole("textbox", { name: "Summary", exact: true }).fill("Thank you for taking part.\n\nThe report follows.");
  await page.getByLabel("Subject in the other language").fill(sujet);
  await page.getByLabel("Summary in the other language").fill("Merci de votre participation.\n\nLe rapport suit.");
  await page.getByLabel("Everyone who attended (checked in)").check();
  await page.getByLabel("Preview in").selectOption("fr");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.frameLocator('iframe[title="Preview of the follow-up email"]');
  await expect(preview.getByText("Merci de votre participation.")).toBeVisible();
  await expect(preview.getByText("Chères et chers collègues,")).toBeVisible();

  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved for 2 recipients" })).toBeVisible();
  // the review shows both versions, the French one marked lang="fr"
  const versions = page.getByRole("region", { name: "Subject and summary" });
  await expect(versions.getByRole("heading", { name: "English (original)" })).toBeVisible();
  await expect(versions.getByRole("heading", { name: "French version" })).toBeVisible();
  await expect(versions.locator('dd[lang="fr"]').first()).toHaveText(sujet);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Send to 2 recipients" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 2 of 2" })).toBeVisible({ timeout: 20_000 });

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(people.fr)}`);
  await page.getByRole("link", { name: sujet }).first().click();
  const french = (await page.locator("pre.mail-text").textContent()) ?? "";
  expect(french).toContain("Chères et chers collègues,");
  expect(french).toContain("Merci de votre participation.");
  // the heading names the meeting by its French title (the text part writes headings in capitals)
  expect(french).toContain(`SUIVI : RÉUNION D’EXPERTS SUR LES RETOURS ${run.toUpperCase()}`);
  expect(french).not.toContain("Thank you for taking part.");

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(people.en)}`);
  await page.getByRole("link", { name: subject }).first().click();
  const english = (await page.locator("pre.mail-text").textContent()) ?? "";
  expect(english).toContain("Dear colleagues,");
  expect(english).toContain("Thank you for taking part.");
  expect(english).not.toContain("Merci");
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("the review page says which version is missing, in French, and axe finds nothing", async ({ page }) => {
    await signIn(page, "secretariat@example.org", "fr");
    await page.goto(`/admin/meetings/${meetingId}/mail/follow-ups/new`);
    await expect(page.getByRole("heading", { name: "Rédiger un suivi" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Langue de l’objet et du résumé").selectOption("fr");
    await page.getByRole("textbox", { name: "Objet", exact: true }).fill(`Suivi de la réunion ${run}`);
    await page.getByRole("textbox", { name: "Résumé", exact: true }).fill("Merci à toutes et à tous pour cette réunion.");
    await page.getByLabel("Toutes les personnes présentes (enregistrées)").check();
    await page.getByRole("button", { name: "Enregistrer comme brouillon" }).click();
    const versions = page.getByRole("region", { name: "Objet et résumé" });
    await expect(versions.getByRole("heading", { name: "Français (original)" })).toBeVisible();
    await expect(versions.getByText("Pas encore de version anglaise")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Supprimer le brouillon" }).click();
    await page.goto("/?lang=en");
  });
});
