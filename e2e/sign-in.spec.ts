import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test("an organiser signs in with an emailed one-time link and signs out", async ({ page }) => {
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await signIn(page, "organiser@example.org");
  await expect(page.getByText("Olivia Marchetti")).toBeVisible();
  await page.getByRole("button", { name: /sign out/i }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a bad email address is shown back with a field error, without JavaScript too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: /email me a sign-in link/i }).click();
  await expect(page.getByText("Enter an email address such as name@agency.org.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("the sign-in form's honeypot is out of sight and out of the tab order; filled in, it is refused", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('input[name="website"]')).toBeHidden();
  await page.getByLabel("Email address").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /email me a sign-in link/i })).toBeFocused();
  const bot = await page.request.post("/login", { form: { email: "bot@example.org", website: "https://spam.example" } });
  expect(bot.status()).toBe(400);
});
