import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

// The production server keeps anonymous public pages for a few seconds (docs/decisions/005). This checks
// what is cached, what never is, and that a staff edit reaches anonymous visitors at once.

const WARSAW = "/meetings/document-fraud-expert-meeting-2027";

test("anonymous public pages are cached, private ones never, and a staff edit refreshes them at once", async ({ page, playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  await visitor.get(WARSAW);
  expect((await visitor.get(WARSAW)).headers()["x-convene-cache"]).toBe("hit");
  // Any cookie means a person who may be signed in: rendered every time.
  expect((await visitor.get(WARSAW, { headers: { Cookie: "x=1" } })).headers()["x-convene-cache"]).toBeUndefined();
  // The development mailbox changes with every mail and is never cached.
  await visitor.get("/dev/mailbox");
  expect((await visitor.get("/dev/mailbox")).headers()["x-convene-cache"]).toBeUndefined();

  const description = `Updated programme ${unique()}: specimen exchange moved to the morning.`;
  await signIn(page, "organiser@example.org");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Expert Meeting on Document Fraud and Identity Management" }).first().click();
  await page.getByRole("link", { name: /edit/i }).first().click();
  await page.getByLabel("Description").fill(description);
  await page.getByRole("button", { name: "Save meeting" }).click();
  // the edit page of a published meeting has a status notice of its own: wait for the save's toast
  await expect(page.getByRole("status").filter({ hasText: "Meeting saved." })).toBeVisible();

  const fresh = await visitor.get(WARSAW);
  expect(fresh.headers()["x-convene-cache"]).toBeUndefined();
  expect(await fresh.text()).toContain(description);
  await visitor.dispose();
});
