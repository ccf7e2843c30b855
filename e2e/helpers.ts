import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Signs in through the real flow: request a link, open it from the development mailbox. */
export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: /email me a sign-in link/i }).click();
  await expect(page.getByRole("status").filter({ hasText: /sign-in link is on its way/i })).toBeVisible();
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: /your convene sign-in link/i }).first().click();
  const link = page.getByRole("link", { name: /\/login\// }).first();
  await page.goto((await link.getAttribute("href"))!);
  await expect(page.getByRole("button", { name: /sign out/i })).toBeVisible();
}

/** Fails the test on any axe violation, listing them. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A short unique suffix so each test creates its own data. */
export const unique = () => Math.random().toString(36).slice(2, 8);
