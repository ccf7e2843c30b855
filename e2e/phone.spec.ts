import { expect, test, type Page } from "@playwright/test";
import { signIn, unique } from "./helpers";

// A 390 px phone (an iPhone 14's CSS width): every public page, the registration pages and check-in fit
// without sideways scrolling of the page. Wide tables scroll inside their own box (TableScroll), selects
// are capped at the width of their column. The check is the page's layout width, not timing.

const WARSAW = "document-fraud-expert-meeting-2027";
const CALAIS = "calais-group-2027-spring";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectFits(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
}

test("public pages and the registration pages fit a 390 px phone", async ({ page }) => {
  for (const path of ["/", "/meetings", `/meetings/${WARSAW}`, `/meetings/${CALAIS}/agenda`, `/meetings/${WARSAW}/register`, "/series", "/series/calais-group", "/login"]) {
    await expectFits(page, path);
  }

  // Register, then open the private manage link from the mail.
  const email = `phone-${unique()}@example.org`;
  await page.goto(`/meetings/${WARSAW}/register`);
  await page.getByLabel("Full name").fill("Pia Phone");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("combobox", { name: /^Agency/ }).selectOption({ label: "UNHCR — Office of the United Nations High Commissioner for Refugees" });
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText(/you are on the waiting list/i).first()).toBeVisible();
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: /you are on the waiting list/i }).first().click();
  const href = await page.getByRole("link", { name: /\/registrations\// }).first().getAttribute("href");
  await expectFits(page, new URL(href!).pathname);
});

test("a participant's own pages fit a 390 px phone", async ({ page }) => {
  await signIn(page, "participant@example.org");
  for (const path of ["/me", `/meetings/${CALAIS}`, "/meetings"]) await expectFits(page, path);
});

test("an organiser's check-in and registrations fit a 390 px phone: tables scroll in their own box", async ({ page }) => {
  await signIn(page, "organiser@example.org");
  await page.goto(`/admin/meetings?q=${encodeURIComponent("spring session 2027")}`);
  await page.getByRole("link", { name: /calais group, spring session 2027/i }).first().click();
  await page.waitForURL(/\/admin\/meetings\/(?!new)[^/?]+$/);
  const base = new URL(page.url()).pathname;
  for (const path of [base, `${base}/checkin`, `${base}/registrations`, "/admin", "/recommendations"]) await expectFits(page, path);
});
