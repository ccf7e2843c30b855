import { expect, test } from "@playwright/test";
import { signFor } from "../app/utils/tokens.server";
import { expectNoAxeViolations, signIn } from "./helpers";

// Badges and check-in by code at a Calais Group session (seeded delegations with heads): the
// organiser downloads the badges, the desk scans (types) a badge's code, a second scan says when.

// The code on a badge, computed the way the server does (docs/decisions/074-badges.md) with the
// secret scripts/e2e-server.sh gives the server.
const SECRET = "e2e-secret-e2e-secret-e2e-secret";
const codeFor = (id: string) => `${id}-${Buffer.from(signFor(SECRET, "checkin", `checkin:${id}`), "base64url").toString("hex").slice(0, 16)}`;

async function openCalais(page: import("@playwright/test").Page) {
  await page.goto(`/admin/meetings?q=${encodeURIComponent("spring session 2027")}`);
  await page.getByRole("link", { name: /calais group, spring session 2027/i }).first().click();
  await page.waitForURL(/\/admin\/meetings\/[^/?]+$/);
  return new URL(page.url()).pathname;
}

test("an organiser prints badges, the desk scans a code, and a second scan says when", async ({ page }) => {
  await signIn(page, "organiser@example.org");
  const base = await openCalais(page);
  await expect(page.getByRole("link", { name: "Badges (PDF)" })).toBeVisible();

  await page.goto(`${base}/checkin`);
  await expect(page.getByLabel("Scan or type the badge code")).toBeFocused();
  for (const link of [page.getByRole("link", { name: "A4 sheets of 8" }), page.getByRole("link", { name: "one per page" })]) {
    const res = await page.request.get((await link.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["content-disposition"]).toMatch(/^inline; filename="[\w.-]+-badges\.pdf"$/);
    expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
  }

  const row = page.locator(".checkin-list li").filter({ has: page.getByRole("button", { name: /^Check in / }) }).last();
  const name = (await row.locator("strong").first().textContent())!;
  const id = (await row.locator('input[name="id"]').getAttribute("value"))!;
  await page.getByLabel("Scan or type the badge code").fill(codeFor(id));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Checked in: ${name}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Undo check-in of ${name}` })).toBeVisible();
  await expect(page.getByLabel("Scan or type the badge code")).toHaveValue("");
  await expect(page.getByLabel("Scan or type the badge code")).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByLabel("Scan or type the badge code").fill(codeFor(id));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: new RegExp(`${name}.* was already checked in at \\d\\d:\\d\\d Europe/`) })).toBeVisible();

  // The camera is an extra: without one (this browser has none) it says so and the field still works.
  await page.getByRole("button", { name: "Use camera" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The camera could not be started" }).or(page.getByRole("button", { name: "Stop camera" }))).toBeVisible();
  await expect(page.getByLabel("Scan or type the badge code")).toBeEditable();

  await page.goto(`${base}/checkin/sheet`);
  await expect(page.getByRole("heading", { name: "Participants by delegation" })).toBeVisible();
  await expect(page.getByText("Head of delegation").first()).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${name}.*✓`) })).toBeVisible();
  await expectNoAxeViolations(page);
  const pdf = await page.request.get(`${base}/checkin/sheet.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});

test("a scanner works without JavaScript, and a wrong code is explained, not an error page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "organiser@example.org");
  const base = await openCalais(page);
  await page.goto(`${base}/checkin`);
  const field = page.getByLabel("Scan or type the badge code");
  await field.fill("not-a-badge-0000000000000000");
  await field.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "That is not a badge code of this meeting" })).toBeVisible();
  const row = page.locator(".checkin-list li").filter({ has: page.getByRole("button", { name: /^Check in / }) }).first();
  const name = (await row.locator("strong").first().textContent())!;
  const id = (await row.locator('input[name="id"]').getAttribute("value"))!;
  await page.getByLabel("Scan or type the badge code").fill(codeFor(id).toUpperCase());
  await page.getByLabel("Scan or type the badge code").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Checked in: ${name}` })).toBeVisible();
  await context.close();
});

test("participants and visitors cannot get the badges", async ({ page, playwright, baseURL }) => {
  await signIn(page, "organiser@example.org");
  const base = await openCalais(page);
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get(`${base}/badges.pdf`, { maxRedirects: 0 });
  expect(res.status()).toBe(302);
  expect(res.headers()["location"]).toMatch(/^\/login/);
  await anonymous.dispose();
  await page.context().clearCookies();
  await signIn(page, "participant@example.org");
  const refused = await page.request.get(`${base}/badges.pdf`);
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).not.toContain("pdf");
});
