import { expect, test } from "@playwright/test";
import { signIn, startSecondInstance, unique } from "./helpers";

// Anonymous public pages are HTTP-cacheable for a few seconds (docs/decisions/005 and 061): an ETag, browsers
// revalidate, shared caches keep them for s-maxage at most. This checks what is cached, what never is, that a
// staff edit reaches anonymous visitors of the same instance at once, and that a second instance on the same
// database shows it to signed-in people at once, while anonymous visitors may get its copy only for the
// lifetime it announces (s-maxage).

const WARSAW = "/meetings/document-fraud-expert-meeting-2027";

let second: Awaited<ReturnType<typeof startSecondInstance>> | undefined;
let SECOND = "";

test.beforeAll(async () => {
  // A long lifetime, so that its copy is certainly still held when the edit is made through the first.
  second = await startSecondInstance({ PAGE_CACHE_MS: "600000" });
  SECOND = second.url;
});

test.afterAll(() => {
  second?.stop();
});

const sMaxAge = (cacheControl: string | undefined) => Number(/s-maxage=(\d+)/.exec(cacheControl ?? "")?.[1]);

test("anonymous public pages are cached, private ones never, and a staff edit refreshes them at once", async ({ page, playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const first = await visitor.get(WARSAW);
  expect(first.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=[1-5]$/);
  expect(first.headers()["vary"]).toMatch(/Cookie/);
  const again = await visitor.get(WARSAW);
  expect(again.headers()["x-convene-cache"]).toBe("hit");
  expect(again.headers()["etag"]).toBe(first.headers()["etag"]);
  // A browser revalidating an unchanged page gets a 304 without the body.
  expect((await visitor.get(WARSAW, { headers: { "If-None-Match": first.headers()["etag"] } })).status()).toBe(304);
  // Any cookie means a person who may be signed in: rendered every time, never stored by a shared cache.
  const withCookie = await visitor.get(WARSAW, { headers: { Cookie: "x=1" } });
  expect(withCookie.headers()["x-convene-cache"]).toBeUndefined();
  expect(withCookie.headers()["cache-control"] ?? "").not.toMatch(/public/);
  // The development mailbox changes with every mail and is never cached.
  await visitor.get("/dev/mailbox");
  const mailbox = await visitor.get("/dev/mailbox");
  expect(mailbox.headers()["x-convene-cache"]).toBeUndefined();
  expect(mailbox.headers()["cache-control"] ?? "").not.toMatch(/public/);

  // The second instance holds its own anonymous copy of the page from before the edit.
  const before = await fetch(`${SECOND}${WARSAW}`);
  expect(before.headers.get("x-convene-instance")).toBe("second");

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

  // Signed in, the second instance reads the database: the edit is there at once.
  const signedIn = await page.request.get(`${SECOND}${WARSAW}`);
  expect(signedIn.headers()["x-convene-instance"]).toBe("second");
  expect(await signedIn.text()).toContain(description);
  // Anonymous, it serves its older copy, announcing no longer a lifetime than its PAGE_CACHE_MS.
  const held = await fetch(`${SECOND}${WARSAW}`);
  expect(held.headers.get("x-convene-cache")).toBe("hit");
  expect(await held.text()).not.toContain(description);
  expect(sMaxAge(held.headers.get("cache-control") ?? undefined)).toBeLessThanOrEqual(600);
  await visitor.dispose();
});
