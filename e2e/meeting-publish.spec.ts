import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// The organiser's journey: create a Brussels meeting, build and publish its agenda, publish the meeting;
// then an anonymous visitor finds it with Brussels times and downloads its calendar file.

async function addItem(page: Page, item: { kind: string; title: string; start: string; end: string }) {
  const form = page.locator("#item-form-new-item");
  await form.getByLabel("Kind").selectOption({ label: item.kind });
  await form.getByLabel("Title").fill(item.title);
  await form.getByLabel("Starts").fill(item.start);
  await form.getByLabel("Ends").fill(item.end);
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Agenda item added." })).toBeVisible();
}

test("an organiser publishes a Brussels meeting and a visitor sees it in Brussels time with a valid .ics", async ({ page, browser }) => {
  const title = `Combating Irregular Migration in the EU ${unique()}`;
  await signIn(page, "organiser@example.org");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Create a meeting" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Time zone").selectOption("Europe/Brussels");
  await page.getByLabel(/^Starts/).fill("2031-06-04T08:30");
  await page.getByLabel(/^Ends/).fill("2031-06-04T17:00");
  await page.getByLabel("Venue").fill("Résidence Palace");
  await page.getByLabel("City", { exact: true }).fill("Brussels");
  await page.getByLabel("Funding programme").fill("EU ARGO programme");
  await page.getByRole("button", { name: "Create meeting" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Meeting created as a draft." })).toBeVisible();

  await page.getByRole("navigation", { name: "Meeting sections" }).getByRole("link", { name: "Agenda" }).click();
  await expect(page.getByRole("heading", { name: "Agenda", level: 2 })).toBeVisible();
  await addItem(page, { kind: "Plenary", title: "Opening", start: "2031-06-04T08:30", end: "2031-06-04T09:00" });
  await addItem(page, { kind: "Session", title: "Schengen and visa information systems", start: "2031-06-04T09:00", end: "2031-06-04T10:30" });
  await addItem(page, { kind: "Break", title: "Coffee break", start: "2031-06-04T10:30", end: "2031-06-04T10:45" });
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Publish the agenda" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Agenda published." })).toBeVisible();

  await page.getByRole("navigation", { name: "Meeting sections" }).getByRole("link", { name: "Overview" }).click();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Status changed to published." })).toBeVisible();

  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  await anon.goto("/meetings");
  await expectNoAxeViolations(anon);
  await anon.getByRole("link", { name: title }).click();
  await expect(anon.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(anon.getByText("Wednesday 4 June 2031, 08:30–17:00 Europe/Brussels (UTC+02:00)")).toBeVisible();
  await expect(anon.getByText("All times are in Europe/Brussels (UTC+02:00).")).toBeVisible();
  const agenda = anon.locator("ol.agenda");
  await expect(agenda.getByText("Schengen and visa information systems")).toBeVisible();
  await expect(agenda.getByText("09:00–10:30")).toBeVisible();
  await expect(anon.getByRole("link", { name: "Register" })).toBeVisible();
  await expectNoAxeViolations(anon);

  const href = await anon.getByRole("link", { name: /add to calendar/i }).getAttribute("href");
  const ics = await anon.request.get(href!);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const body = await ics.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("BEGIN:VTIMEZONE");
  expect(body).toContain("TZID:Europe/Brussels");
  expect(body).toContain("DTSTART;TZID=Europe/Brussels:20310604T083000");
  expect(body).toContain("DTEND;TZID=Europe/Brussels:20310604T170000");
  expect(body).toMatch(/UID:meeting-\w+@/);
  expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
  await visitor.close();
});

test("a meeting form with the end before the start is shown again with field errors, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "organiser@example.org");
  await page.goto("/admin/meetings/new");
  await page.getByLabel("Title").fill("Backwards meeting <b>bold</b>");
  await page.getByLabel(/^Starts/).fill("2031-06-04T17:00");
  await page.getByLabel(/^Ends/).fill("2031-06-04T09:00");
  await page.getByRole("button", { name: "Create meeting" }).click();
  await expect(page.getByText("The end must be after the start.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Backwards meeting <b>bold</b>");
  await expect(page.getByLabel(/^Ends/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^Starts/)).toHaveValue("2031-06-04T17:00");
  await context.close();
});
