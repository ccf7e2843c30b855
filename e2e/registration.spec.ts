import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// Registration journeys on the seeded meetings. Each test uses its own people and addresses.
// Warsaw 2027: the general seats are taken (waiting list), Frontex has its quota of 3 untouched.
// Calais Group 2027: approval mode, with requests pending.

const WARSAW = "document-fraud-expert-meeting-2027";

async function privateLinkFromMailbox(page: Page, email: string, subject: RegExp): Promise<string> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: subject }).first().click();
  const href = await page.getByRole("link", { name: /\/registrations\// }).first().getAttribute("href");
  expect(href).toBeTruthy();
  return new URL(href!).pathname;
}

test("a visitor registers for a public meeting and cancels through the private link", async ({ page }) => {
  const email = `visitor-${unique()}@example.org`;
  await page.goto(`/meetings/${WARSAW}/register`);
  await expect(page.getByRole("heading", { name: /register: expert meeting on document fraud/i })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Full name").fill("Vera Visitor");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("combobox", { name: /^Agency/ }).selectOption({ label: "UNHCR — Office of the United Nations High Commissioner for Refugees" });
  await page.getByRole("textbox", { name: "Job title" }).fill("Protection officer");
  await page.getByLabel("Dietary requirements").fill("Vegetarian");
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole("button", { name: "Register" }).click();
  // The general seats are taken: the visitor waits, and the page says where.
  await expect(page.getByText(/you are on the waiting list/i).first()).toBeVisible();
  await expect(page.getByText(/number \d+ on the waiting list/)).toBeVisible();

  const link = await privateLinkFromMailbox(page, email, /you are on the waiting list/i);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /^your registration:/i })).toBeVisible();
  await expect(page.getByText("Vera Visitor", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  // Cancelling asks first (a page of its own, so it works without JavaScript too); "keep" changes nothing.
  await page.getByRole("button", { name: "Cancel my registration" }).click();
  await expect(page.getByRole("heading", { name: "Cancel your registration?" })).toBeVisible();
  await expect(page.getByText(/this frees your seat/i)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "No, keep my registration" }).click();
  await expect(page.getByRole("heading", { name: "Cancel your registration?" })).toHaveCount(0);
  await expect(page.getByText("Waitlisted", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Cancel my registration" }).click();
  await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
  await expect(page.getByText(/your registration is cancelled/i)).toBeVisible();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel my registration" })).toHaveCount(0);

  // Having cancelled, the visitor can register again: the same registration reopens, with the same
  // private link. While it is live, the same address cannot register twice (a clear message on the field).
  for (const attempt of ["again", "twice"]) {
    await page.goto(`/meetings/${WARSAW}/register`);
    await page.getByLabel("Full name").fill("Vera Visitor");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("combobox", { name: /^Agency/ }).selectOption({ label: "UNHCR — Office of the United Nations High Commissioner for Refugees" });
    await page.getByLabel(/I have read the privacy notice/).check();
    await page.getByRole("button", { name: "Register" }).click();
    if (attempt === "again") {
      await expect(page.getByText(/you are on the waiting list/i).first()).toBeVisible();
      await page.goto(link);
      await expect(page.getByText("Waitlisted", { exact: true })).toBeVisible();
    } else {
      await expect(page.getByText(/already registered for this meeting/i)).toBeVisible();
    }
  }
});

test("without JavaScript, a bad registration is shown again with field errors", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/meetings/${WARSAW}/register`);
  await page.getByLabel("Full name").fill("Nora No-Script");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("textbox", { name: "Job title" }).fill("Analyst");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("Enter an email address such as name@agency.org.")).toBeVisible();
  await expect(page.getByText("You must accept the privacy notice to register.")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Nora No-Script");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  await expect(page.getByRole("textbox", { name: "Job title" })).toHaveValue("Analyst");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("a focal point registers a delegation of three within the quota and is stopped at the quota", async ({ page }) => {
  await signIn(page, "focal.frontex@example.org");
  await page.goto(`/delegations/${WARSAW}`);
  await expect(page.getByText(/0 registered of a quota of 3 \(3 left\)/)).toBeVisible();
  await expectNoAxeViolations(page);
  const tag = unique();
  for (const [i, name] of ["Lucas Ferreira", "Agnieszka Zielińska", "Henrik Dahl"].entries()) {
    await page.getByLabel(`Full name, delegate ${i + 1}`).fill(name);
    await page.getByLabel(`Email address, delegate ${i + 1}`).fill(`frontex-${i}-${tag}@example.org`);
  }
  await page.getByLabel("Role, delegate 1").selectOption("Speaker");
  await page.getByRole("button", { name: "Register these delegates" }).click();
  await expect(page.getByText(/3 delegates registered/)).toBeVisible();
  await expect(page.getByText(/3 registered of a quota of 3 \(0 left\)/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "Henrik Dahl", exact: true })).toBeVisible();
  // Only this agency's delegates show here.
  await expect(page.getByRole("cell", { name: /@example\.org$/ })).toHaveCount(3);

  await page.getByLabel("Full name, delegate 1").fill("One Too Many");
  await page.getByLabel("Email address, delegate 1").fill(`frontex-extra-${tag}@example.org`);
  await page.getByRole("button", { name: "Register these delegates" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /quota of places is reached\. Nobody was registered/ })).toBeVisible();
  await expect(page.getByLabel("Full name, delegate 1")).toHaveValue("One Too Many");
  await expect(page.getByRole("table").first().getByText("One Too Many")).toHaveCount(0);
  await expect(page.getByRole("table").first().getByRole("row")).toHaveCount(4);
});

test("an organiser approves a pending registration, exports CSV and checks people in", async ({ page }) => {
  await signIn(page, "organiser@example.org");
  await page.goto(`/admin/meetings?q=${encodeURIComponent("spring session 2027")}`);
  await page.getByRole("link", { name: /calais group, spring session 2027/i }).first().click();
  await page.waitForURL(/\/admin\/meetings\/(?!new)[^/?]+$/);
  const base = new URL(page.url()).pathname;
  await page.goto(`${base}/registrations?status=PENDING`);
  await expect(page.getByRole("heading", { name: "Registrations" })).toBeVisible();
  await expectNoAxeViolations(page);
  const firstBox = page.locator("tbody").getByRole("checkbox", { name: /^Select / }).first();
  const name = (await firstBox.getAttribute("aria-label"))!.replace(/^Select /, "");
  await firstBox.check();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByText(/1 registration approved/)).toBeVisible();
  await page.goto(`${base}/registrations?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByText("Confirmed")).toBeVisible();

  // Select all on the page, then approve them in one go.
  await page.goto(`${base}/registrations?status=PENDING`);
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  const rows = page.locator("tbody").getByRole("checkbox");
  const pending = await rows.count();
  expect(pending).toBeGreaterThan(0);
  for (const box of await rows.all()) await expect(box).toBeChecked();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByText(new RegExp(`${pending} registrations? approved`))).toBeVisible();

  await page.goto(`${base}/registrations`);
  await page.getByRole("checkbox", { name: "Dietary needs" }).check();
  await page.getByRole("checkbox", { name: "Email" }).uncheck();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv).toContain("Name,Agency,Country,Job title,Role,Status,Dietary needs");
  expect(csv).toContain(name);
  expect(csv).not.toContain("@example.org");

  await page.goto(`${base}/checkin`);
  await expect(page.getByRole("heading", { name: "Check-in" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Other tests (badges.spec.ts) check people in at this meeting too: count from what is there.
  const presentCount = async () => Number(await page.getByText(/present ·/).locator("strong").first().textContent());
  const presentBefore = await presentCount();
  await page.getByLabel("Find a participant").fill(name.split(" ")[0]);
  await expect(page.getByRole("button", { name: `Check in ${name}` })).toBeVisible();
  // The row shows "Undo" as soon as the check-in is sent (optimistic): wait for the server's answer before the
  // reload, or the reload cancels the post it means to check.
  const checkedIn = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.includes("/checkin"));
  await page.getByRole("button", { name: `Check in ${name}` }).click();
  await expect(page.getByRole("button", { name: `Undo check-in of ${name}` })).toBeVisible();
  expect((await checkedIn).ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole("button", { name: `Undo check-in of ${name}` })).toBeVisible();
  expect(await presentCount()).toBe(presentBefore + 1);
  await page.goto(`${base}/checkin/sheet`);
  await expect(page.getByRole("row", { name: new RegExp(`${name}.*✓`) })).toBeVisible();
});

test("a signed-in participant sees their registration on the meeting page, in their list, and who else takes part", async ({ page }) => {
  await signIn(page, "participant@example.org");
  await page.goto(`/meetings/${WARSAW}`);
  const panel = page.getByRole("region", { name: "Your registration" });
  await expect(panel.getByText("Confirmed")).toBeVisible();
  await panel.getByRole("link", { name: "Who else takes part" }).click();
  await expect(page.getByRole("heading", { name: /^participants:/i })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Marek Horváth" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/me");
  await expect(page.getByRole("link", { name: "Combating Irregular Migration in the EU" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Combating Irregular Migration/ }).getByText("attended")).toBeVisible();
});

test("check-in works without JavaScript: search with the form, one tap per person", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "organiser@example.org");
  await page.goto(`/admin/meetings?q=${encodeURIComponent("spring session 2027")}`);
  await page.getByRole("link", { name: /calais group, spring session 2027/i }).first().click();
  const base = new URL(page.url()).pathname;
  await page.goto(`${base}/checkin`);
  const first = page.getByRole("button", { name: /^Check in / }).first();
  const name = (await first.getAttribute("aria-label"))!.replace(/^Check in /, "");
  await page.getByLabel("Find a participant").fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/checkin\?q=/);
  await expect(page.getByRole("button", { name: /^Check in / })).toHaveCount(1);
  await page.getByRole("button", { name: `Check in ${name}` }).click();
  await expect(page.getByRole("button", { name: `Undo check-in of ${name}` })).toBeVisible();
  await context.close();
});

test("an organiser invites a person to an invitation-only meeting and the person registers through the link", async ({ page, browser }) => {
  await signIn(page, "organiser@example.org");
  await page.goto(`/admin/meetings?q=${encodeURIComponent("spring session 2027")}`);
  await page.getByRole("link", { name: /calais group, spring session 2027/i }).first().click();
  await page.waitForURL(/\/admin\/meetings\/(?!new)[^/?]+$/);
  const base = new URL(page.url()).pathname;
  await page.goto(`${base}/registrations/delegations`);
  await expectNoAxeViolations(page);
  const email = `guest-${unique()}@example.org`;
  await page.getByLabel("Email address to send the link to").fill(email);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByRole("status").filter({ hasText: /shown once/ }).locator("code").textContent())!;
  expect(link).toMatch(/\/invite\//);

  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  // Without the link, the meeting takes no registrations.
  await guest.goto("/meetings/calais-group-2027-spring/register");
  await expect(guest.getByText(/by invitation only/i)).toBeVisible();
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByLabel("Email address")).toHaveValue(email);
  await guest.getByLabel("Full name").fill("Greta Guest");
  await guest.getByRole("combobox", { name: /^Agency/ }).selectOption({ label: "ICMPD — International Centre for Migration Policy Development" });
  await guest.getByLabel(/I have read the privacy notice/).check();
  await guest.getByRole("button", { name: "Register" }).click();
  await expect(guest.getByRole("heading", { name: /^your registration:/i })).toBeVisible();
  await expect(guest.getByText("Pending approval", { exact: true })).toBeVisible();
  await visitor.close();
});
