import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// The next session of a series: cloned from the last one, agenda at the same local times, delegations and
// member invitations copied; the agenda editor warning (not refusing) when an item overlaps another, and
// starting each new item from an empty form.

test("an organiser creates the next Calais Group session with its agenda and sees agenda warnings", async ({ page }) => {
  await signIn(page, "organiser@example.org");
  await page.goto("/admin/meetings?q=calais-group-2025-autumn");
  await page.getByRole("link", { name: "Calais Group, autumn session 2025" }).click();
  await page.getByRole("link", { name: "Create the next session" }).click();
  await expectNoAxeViolations(page);
  const title = `Calais Group, spring session 2026 ${unique()}`;
  await page.getByLabel("Title of the new session").fill(title);
  await page.getByLabel(/^Date of the new session/).fill("2026-04-16");
  await page.getByLabel(/add the open recommendations of the calais group for review/i).check();
  await expect(page.getByLabel(/invite the member agencies of the calais group now/i)).toBeChecked();
  await page.getByRole("button", { name: "Create the next session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Next session created as a draft" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The autumn session was in Berlin at 09:30 CET; the spring one keeps 09:30, now CEST.
  await expect(page.getByText("Thursday 16 April 2026, 09:30–13:30 Europe/Berlin (UTC+02:00)").first()).toBeVisible();

  await page.getByRole("navigation", { name: "Meeting sections" }).getByRole("link", { name: "Agenda" }).click();
  await expect(page.getByRole("heading", { level: 4, name: /09:30–10:00 Opening and adoption of the agenda/ })).toBeVisible();
  const form = page.locator("#item-form-new-item");
  await form.getByLabel("Title").fill("Bilateral side meeting");
  await form.getByLabel("Starts").fill("2026-04-16T10:30");
  await form.getByLabel("Ends").fill("2026-04-16T11:00");
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“Bilateral side meeting” overlaps “Situation at the Channel: small boat crossings”." })).toBeVisible();
  await expectNoAxeViolations(page);

  // A sub-item in a room, outside its parent's time: a warning, and the next item starts from scratch.
  await form.getByLabel("Title").fill("Side event on returns");
  await form.getByLabel("Starts").fill("2026-04-16T10:45");
  await form.getByLabel("Ends").fill("2026-04-16T11:15");
  await form.getByLabel("Room").fill("Room B");
  await form.getByLabel("Part of").selectOption({ label: "10:30 Bilateral side meeting" });
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Agenda item added." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "“Side event on returns” lies outside the time of “Bilateral side meeting”, which it is part of." })).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue("");
  await expect(form.getByLabel("Room")).toHaveValue("");
  await expect(form.getByLabel("Part of")).toHaveValue("");

  // Delegations with their quotas, and the member agencies invited.
  await page.goto(page.url().replace(/\/agenda$/, "/registrations/delegations"));
  await expect(page.getByRole("table").first().getByRole("cell", { name: "4", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Belgian Federal Police" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "United Kingdom Home Office · focal.uk-home@example.org" })).toBeVisible();

  await page.getByRole("navigation", { name: "Meeting sections" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("cell").filter({ hasText: /added the agenda item/ }).first()).toBeVisible();
  await expect(page.getByRole("cell").filter({ hasText: /as the next session of/ })).toBeVisible();
});
