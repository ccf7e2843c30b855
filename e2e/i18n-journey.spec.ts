import { expect, test } from "@playwright/test";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// Issue 13's "done when": a French-speaking participant opens a Brussels meeting, sees the interface in
// French, registers, and the confirmation mail and its calendar invite arrive in French with the meeting's
// time zone; an English-speaking organiser sees the same registration in English. The seed's Brussels
// meeting has already taken place (registration closed), so the journey brings its own meeting in
// Europe/Brussels. The server runs the inline worker without SMTP_URL: mail lands in the dev mailbox.

function e2eDb() {
  const port = process.env.E2E_PORT ?? "3457";
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:.tmp/e2e-${port}.db`, timeout: 10_000 }) });
}

test("a French participant registers in French and gets French mail and invite; the organiser sees it in English", async ({ browser }) => {
  const slug = `bruxelles-${unique()}`;
  const title = `Réunion d'experts de Bruxelles ${slug}`;
  const db = e2eDb();
  const meeting = await db.meeting.create({
    data: {
      slug, title, timeZone: "Europe/Brussels", venue: "Résidence Palace", city: "Bruxelles",
      // a Thursday in June: 09:00–17:00 in Brussels (UTC+02:00)
      startsAt: new Date("2030-06-06T07:00:00Z"), endsAt: new Date("2030-06-06T15:00:00Z"), status: "PUBLISHED", visibility: "PUBLIC",
      capacity: 40, organiserName: "Calais Group secretariat", organiserEmail: "secretariat@example.org",
    },
    select: { id: true },
  });
  await db.$disconnect();

  // ---- the French-speaking participant (browser in French)
  const fr = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const page = await fr.newPage();
  await page.goto(`/meetings/${slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // the root layout is French on main already; the switcher offers English
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Réunions" })).toBeVisible();
  await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("hreflang", "en");
  // the meeting page in French: its date in French with the zone named, the register link
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("jeudi 6 juin 2030, 09:00–17:00 (heure de Bruxelles, UTC+02:00)").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "S’inscrire" }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // the seeded Brussels meeting's agenda, interface and content in French (content translations, decision 080)
  await page.goto("/meetings/combating-irregular-migration-eu-2026/agenda");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: /Lutte contre la migration irrégulière dans l'UE/ })).toBeVisible();
  await expect(page.getByText("Session 1 : systèmes d'information Schengen et visas")).toBeVisible();
  await expect(page.getByText("Pause café").first()).toBeVisible();
  expect(await page.locator("main [lang=en]").count()).toBe(0);

  const email = `lea-${unique()}@example.org`;
  await page.goto(`/meetings/${slug}/register`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByLabel("Nom complet")).toBeVisible();
  await expect(page.getByLabel("Adresse électronique")).toBeVisible();
  // By field name below, so the journey holds whatever the labels say.
  const form = page.locator("form").filter({ has: page.locator('input[name="email"]') });
  await form.locator('input[name="name"]').fill("Léa Dubois");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('select[name="agencyId"]').selectOption({ label: "UNHCR — Office of the United Nations High Commissioner for Refugees" });
  await form.locator('input[name="jobTitle"]').fill("Chargée de protection");
  await form.locator('input[name="consent"]').check();
  await form.locator('button[type="submit"]').last().click();
  await expect(page.getByRole("status").first()).toBeVisible();

  // ---- the confirmation mail, in French, from the development mailbox
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: `Inscription confirmée : ${title}` }).first().click();
  const text = (await page.locator("pre.mail-text").textContent()) ?? "";
  expect(text).toContain("Bonjour Léa Dubois,");
  expect(text).toContain("Votre inscription est confirmée.");
  expect(text).toContain("jeudi 6 juin 2030, 09:00–17:00 (heure de Bruxelles, UTC+02:00)");
  expect(text).toContain("Consulter ou modifier votre inscription");
  expect(text).not.toMatch(/Your registration|Dear /);
  // the calendar invite: French words, the meeting's zone on its times and its VTIMEZONE
  const ics = ((await page.locator("pre").last().textContent()) ?? "").replace(/\r?\n[ \t]/g, "");
  expect(ics).toContain("METHOD:REQUEST");
  expect(ics).toContain(`SUMMARY:${title.replace(/[,;]/g, "\\$&")}`);
  expect(ics).toMatch(/DESCRIPTION:.*Page de la réunion : http/);
  expect(ics).toContain("DTSTART;TZID=Europe/Brussels:20300606T090000");
  expect(ics).toContain("BEGIN:VTIMEZONE");
  expect(ics).toContain("TZID:Europe/Brussels");
  await fr.close();

  // ---- the English-speaking organiser sees the same registration in English
  const en = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
  const organiser = await en.newPage();
  await signIn(organiser, "organiser@example.org");
  await organiser.goto(`/admin/meetings/${meeting.id}/registrations?q=${encodeURIComponent("Léa Dubois")}`);
  await expect(organiser.locator("html")).toHaveAttribute("lang", "en");
  await expect(organiser.getByRole("heading", { name: "Registrations" })).toBeVisible();
  const row = organiser.getByRole("row").filter({ hasText: "Léa Dubois" });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Confirmed")).toBeVisible();
  await expectNoAxeViolations(organiser);
  await en.close();
});
