import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// The secretariat's follow-up journey on the held Brussels meeting: compose, preview, save a
// draft, send, follow the delivery and find it in the mail log. The web server runs the inline
// worker without SMTP_URL, so mail lands in the development mailbox.

const SLUG = "combating-irregular-migration-eu-2026";
let meetingId = "";

test.beforeAll(async () => {
  const port = process.env.E2E_PORT ?? "3457";
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:.tmp/e2e-${port}.db`, timeout: 10_000 }) });
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
  meetingId = meeting.id;
  // Registration's seed may already have attendees; if not, this journey brings its own.
  if ((await db.registration.count({ where: { meetingId, attendance: "ATTENDED" } })) === 0) {
    const agencies = await db.agency.findMany({ where: { acronym: { in: ["Frontex", "Europol"] } }, select: { id: true } });
    for (const [i, name] of ["Ana Ferreira", "Tomas Lindqvist", "Mira Kovač"].entries()) {
      const email = `attendee-${i}-${unique()}@example.org`;
      await db.registration.create({
        data: {
          meetingId, name, email, emailNormalised: email, agencyId: agencies[i % Math.max(1, agencies.length)]?.id ?? null,
          status: "CONFIRMED", attendance: "ATTENDED", manageTokenHash: crypto.randomUUID(),
        },
      });
    }
  }
  await db.$disconnect();
});

function e2eDb() {
  const port = process.env.E2E_PORT ?? "3457";
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:.tmp/e2e-${port}.db`, timeout: 10_000 }) });
}

test("a participant of a hybrid meeting gets the online link by mail and invite, and the public calendar file has none", async ({ page, browser }) => {
  const slug = `hybrid-${unique()}`;
  const link = `https://meet.example.org/j/${unique()}?pwd=private-hybrid-link`;
  const db = e2eDb();
  await db.meeting.create({
    data: {
      slug, title: `Hybrid expert meeting ${slug}`, timeZone: "Europe/Brussels", venue: "Résidence Palace", city: "Brussels",
      startsAt: new Date("2030-05-14T07:00:00Z"), endsAt: new Date("2030-05-14T15:00:00Z"), status: "PUBLISHED", visibility: "PUBLIC",
      capacity: 40, format: "HYBRID", onlineLink: link, organiserName: "Calais Group secretariat", organiserEmail: "secretariat@example.org",
    },
  });
  await db.$disconnect();

  const email = `hybrid-${unique()}@example.org`;
  await page.goto(`/meetings/${slug}/register`);
  await page.getByLabel("Full name").fill("Hana Hybrid");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("combobox", { name: /^Agency/ }).selectOption({ label: "UNHCR — Office of the United Nations High Commissioner for Refugees" });
  await page.getByRole("textbox", { name: "Job title" }).fill("Protection officer");
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText(/you are registered/i).first()).toBeVisible();

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: /registration confirmed/i }).first().click();
  // in the text part the link stands alone on its line; the calendar invite has it in its DESCRIPTION
  const text = (await page.locator("pre.mail-text").textContent()) ?? "";
  expect(text.split("\n").map((l) => l.trim())).toContain(link);
  const ics = ((await page.getByRole("heading", { name: "Calendar attachment" }).locator("xpath=following-sibling::pre[1]").textContent()) ?? "").replace(/\r?\n /g, "");
  expect(ics).toContain(`Join online: ${link}`);
  expect(ics).toContain("METHOD:REQUEST");

  // anonymous visitors: neither the public calendar file nor the meeting page carries the link
  const anonymous = await browser.newContext();
  const publicIcs = await anonymous.request.get(`/meetings/${slug}/calendar.ics`);
  expect(publicIcs.status()).toBe(200);
  const publicText = await publicIcs.text();
  expect(publicText).toContain("BEGIN:VEVENT");
  expect(publicText).not.toContain("meet.example.org");
  const visitor = await anonymous.newPage();
  await visitor.goto(`/meetings/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText("Hybrid expert meeting");
  expect(await visitor.content()).not.toContain("meet.example.org");
  await anonymous.close();
});

async function openComposer(page: Page) {
  await page.goto(`/admin/meetings/${meetingId}/mail`);
  await page.getByRole("link", { name: "Compose a follow-up" }).click();
  await expect(page.getByRole("heading", { name: "Compose a follow-up" })).toBeVisible();
}

test("the secretariat composes, previews, saves and sends a follow-up, then finds it in the mail log", async ({ page }) => {
  await signIn(page, "secretariat@example.org");
  await openComposer(page);
  await expectNoAxeViolations(page);

  const subject = `Brussels follow-up ${unique()}`;
  await page.getByRole("textbox", { name: "Subject", exact: true }).fill(subject);
  await page.getByRole("textbox", { name: "Summary", exact: true }).fill("Thank you for taking part in Brussels.\n\nThe report and the adopted recommendations follow.");
  await page.getByLabel("Document links").fill("https://example.org/brussels-2026-report.pdf");
  await page.getByLabel("Next session").fill("2027-03-11T09:30");
  await page.getByLabel("Everyone who attended (checked in)").check();
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.frameLocator('iframe[title="Preview of the follow-up email"]');
  await expect(preview.getByText("Thank you for taking part in Brussels.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /\d+ people match these recipients/ })).toBeVisible();
  await expect(preview.getByText(/Thursday 11 March 2027, 09:30 Europe\/Brussels/)).toBeVisible();

  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Draft saved for \d+ recipients/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Follow-up: ${subject}` })).toBeVisible();
  const sendButton = page.getByRole("button", { name: /Send to \d+ recipients/ });
  const total = Number(/(\d+)/.exec((await sendButton.textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(0);
  await sendButton.click();
  // the page polls while the worker sends
  await expect(page.getByRole("status").filter({ hasText: `Sent ${total} of ${total}` })).toBeVisible({ timeout: 20_000 });

  await page.getByRole("link", { name: /Back to the mail of/ }).click();
  const followUps = page.getByRole("table", { name: /Follow-ups of this meeting/ });
  await expect(followUps.getByRole("row").filter({ hasText: subject })).toContainText("Sent");
  await page.getByLabel("Kind").selectOption("follow-up");
  await page.getByLabel("Status", { exact: true }).selectOption("SENT");
  await page.getByRole("button", { name: "Filter" }).click();
  const log = page.getByRole("table", { name: /messages for this meeting/ });
  await expect(log.getByRole("row").filter({ hasText: subject })).toHaveCount(Math.min(total, 25));
  await expectNoAxeViolations(page);

  await page.goto("/admin/mail?kind=follow-up&status=SENT");
  await expect(page.getByRole("row").filter({ hasText: subject }).first()).toBeVisible();
  await page.getByRole("row").filter({ hasText: subject }).first().getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText(/kept in the development mailbox/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send again" })).toBeVisible();

  // the follow-up is non-essential: its unsubscribe link works, after a confirmation
  const body = (await page.locator("pre.mail-text").textContent()) ?? "";
  const unsubscribe = /https?:\/\/\S+\/unsubscribe\/\S+/.exec(body)?.[0];
  expect(unsubscribe).toBeTruthy();
  await page.goto(new URL(unsubscribe!).pathname);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status").filter({ hasText: /no longer receives reminders, follow-ups/ })).toBeVisible();
});

test("the composer shows bad input back with field errors, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "secretariat@example.org");
  await openComposer(page);
  await page.getByRole("textbox", { name: "Subject", exact: true }).fill("Follow-up <b>bold</b>");
  await page.getByRole("textbox", { name: "Summary", exact: true }).fill("Too short");
  await page.getByLabel("Document links").fill("javascript:alert(1)");
  await page.getByLabel("Confirmed participants of chosen agencies").check();
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("A summary has at least 10 characters.")).toBeVisible();
  await expect(page.getByText("Each document link is a web link (https://...): check every line.")).toBeVisible();
  await expect(page.getByText("Choose at least one agency.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Subject", exact: true })).toHaveValue("Follow-up <b>bold</b>");
  await expect(page.getByRole("textbox", { name: "Summary", exact: true })).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("a participant cannot open the mail pages", async ({ page }) => {
  await signIn(page, "participant@example.org");
  const response = await page.goto(`/admin/meetings/${meetingId}/mail/follow-ups/new`);
  expect(response?.status()).toBe(403);
  expect((await page.goto("/admin/mail"))?.status()).toBe(403);
});
