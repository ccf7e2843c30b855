import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

const BRUSSELS = "combating-irregular-migration-eu-2026";

async function newSession(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test("the secretariat records Brussels recommendations, the Frontex focal point reports progress, the secretariat accepts it", async ({ browser }) => {
  const u = unique().toUpperCase();
  const frontexCode = `E2E-${u}-01`;
  const europolCode = `E2E-${u}-02`;
  const sec = await newSession(browser, "secretariat@example.org");

  // Record two recommendations from the Brussels meeting.
  for (const [code, title, lead] of [
    [frontexCode, `Check forged visas at first line ${u}`, "Frontex — European Border and Coast Guard Agency"],
    [europolCode, `Map smuggling finances ${u}`, "Europol — European Union Agency for Law Enforcement Cooperation"],
  ]) {
    await sec.page.goto(`/recommendations/new?meeting=${BRUSSELS}`);
    if (code === frontexCode) await expectNoAxeViolations(sec.page);
    await expect(sec.page.getByLabel("Reference code")).toHaveValue(/^BRU-2026-\d\d$/);
    await sec.page.getByLabel("Reference code").fill(code);
    await sec.page.getByLabel("Title").fill(title);
    await sec.page.getByLabel("Full text").fill(`${title}: agreed by the meeting in the closing session.`);
    await sec.page.getByLabel("Lead agency").selectOption({ label: lead });
    await sec.page.getByRole("group", { name: "Themes" }).getByRole("checkbox", { name: "Travel documents" }).check();
    if (code === frontexCode) {
      // The agenda-item picker lists the Brussels meeting's items only, and follows the meeting select.
      const picker = sec.page.getByLabel("Agenda item (optional)");
      const brusselsItems = await picker.locator("option").allTextContents();
      expect(brusselsItems.length).toBeGreaterThan(1);
      const meetingSelect = sec.page.getByLabel("Meeting where it was made");
      const brussels = await meetingSelect.inputValue();
      const values = await meetingSelect.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      await meetingSelect.selectOption(values.find((v) => v && v !== brussels)!);
      await expect(picker.locator("option")).not.toHaveText(brusselsItems);
      await meetingSelect.selectOption(brussels);
      await expect(picker.locator("option")).toHaveText(brusselsItems);
      await picker.selectOption({ index: 1 });
      await sec.page.getByRole("group", { name: "Supporting agencies" }).getByLabel("Filter the list").fill("europol");
      await sec.page.getByRole("checkbox", { name: /^Europol/ }).check();
    }
    await sec.page.getByLabel("Due date").fill("2027-05-31");
    await sec.page.getByRole("button", { name: "Record recommendation" }).click();
    await expect(sec.page.getByRole("heading", { level: 1, name: new RegExp(code) })).toBeVisible();
    // Adopted at the meeting.
    await sec.page.getByLabel(/^New status/).selectOption({ label: "Adopted" });
    await sec.page.getByRole("button", { name: "Change status" }).click();
    await expect(sec.page.getByText("Status changed to adopted.")).toBeVisible();
  }
  await expectNoAxeViolations(sec.page);

  await sec.page.goto(`/recommendations?q=${u}`);
  await expect(sec.page.getByRole("link", { name: frontexCode })).toBeVisible();
  await expect(sec.page.getByRole("link", { name: europolCode })).toBeVisible();
  await expectNoAxeViolations(sec.page);

  // The Frontex focal point sees the Frontex recommendation only, and reports progress.
  const fp = await newSession(browser, "focal.frontex@example.org");
  await fp.page.goto(`/recommendations?q=${u}`);
  await expect(fp.page.getByRole("link", { name: frontexCode })).toBeVisible();
  await expect(fp.page.getByRole("link", { name: europolCode })).toHaveCount(0);
  await fp.page.getByRole("link", { name: frontexCode }).click();
  await fp.page.getByLabel("What was done").fill("Alert sharing extended to all land border crossing points.");
  await fp.page.getByLabel("Proposed new status").selectOption({ label: "In progress" });
  await fp.page.getByLabel("Proposed progress (%)").fill("30");
  await fp.page.getByRole("button", { name: "Send progress update" }).click();
  await expect(fp.page.getByText("Progress update sent to the secretariat for review.")).toBeVisible();
  const europolId = await sec.page.getByRole("link", { name: europolCode }).getAttribute("href");
  const refused = await fp.page.goto(europolId!);
  expect(refused?.status()).toBe(403);
  await fp.context.close();

  // The secretariat accepts it from the review queue.
  await sec.page.goto("/recommendations/queue");
  await expectNoAxeViolations(sec.page);
  const card = sec.page.getByRole("listitem").filter({ hasText: frontexCode });
  await card.getByRole("button", { name: "Accept update" }).click();
  await expect(sec.page.getByText("Progress update accepted.")).toBeVisible();
  await sec.page.goto(`/recommendations?q=${u}`);
  await sec.page.getByRole("link", { name: frontexCode }).click();
  await expect(sec.page.getByText("In progress").first()).toBeVisible();
  await expect(sec.page.getByText("30 %").first()).toBeVisible();
  await expect(sec.page.getByText(/Accepted by Samuel Okafor/)).toBeVisible();

  // The dashboard counts it, and the meeting page lists it.
  await sec.page.goto("/recommendations/dashboard");
  await expect(sec.page.getByRole("heading", { name: "By status" })).toBeVisible();
  await expect(sec.page.getByRole("img", { name: /Recommendations by status/ })).toBeVisible();
  await expectNoAxeViolations(sec.page);
  const filters = sec.page.getByRole("form", { name: "Filter recommendations" });
  await filters.getByLabel("Lead agency").selectOption({ label: "Frontex — European Border and Coast Guard Agency" });
  await filters.getByLabel("Status").selectOption({ label: "In progress" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  // Each chart's figures are one click away ("Show the data").
  await expect(sec.page.getByRole("heading", { name: "By status" })).toBeVisible();
  for (const summary of await sec.page.getByText("Show the data").all()) await summary.click();
  await expect(sec.page.getByRole("row", { name: /^Frontex [2-9]$/ })).toBeVisible();
  await expect(sec.page.getByRole("row", { name: /^In progress [2-9]$/ })).toBeVisible();
  await expect(sec.page.getByRole("row", { name: /^Not adopted 0$/ })).toBeVisible();

  await sec.page.goto(`/meetings/${BRUSSELS}`);
  await expect(sec.page.getByRole("heading", { name: new RegExp(`${frontexCode}: Check forged visas`) })).toBeVisible();
  await sec.context.close();
});

test("without JavaScript, a due date before the meeting is refused with the input kept", async ({ browser }) => {
  const sec = await newSession(browser, "secretariat@example.org", false);
  await sec.page.goto(`/recommendations/new?meeting=${BRUSSELS}`);
  await sec.page.getByLabel("Reference code").fill(`E2E-${unique()}`);
  await sec.page.getByLabel("Title").fill("Too early");
  await sec.page.getByLabel("Full text").fill("Due before the meeting itself.");
  await sec.page.getByLabel("Lead agency").selectOption({ label: "Frontex — European Border and Coast Guard Agency" });
  await sec.page.getByLabel("Due date").fill("2026-01-15");
  await sec.page.getByRole("button", { name: "Record recommendation" }).click();
  await expect(sec.page.getByText("The due date cannot be before the meeting where it was made.")).toBeVisible();
  await expect(sec.page.getByLabel("Title")).toHaveValue("Too early");
  await expect(sec.page.getByLabel("Due date")).toHaveAttribute("aria-invalid", "true");
  await sec.context.close();
});

test("participants and visitors cannot open the tracking pages", async ({ browser, page }) => {
  const response = await page.goto("/recommendations/dashboard");
  expect(page.url()).toContain("/login");
  expect(response?.status()).toBe(200);
  const participant = await newSession(browser, "participant@example.org");
  const refused = await participant.page.goto("/recommendations");
  expect(refused?.status()).toBe(403);
  await participant.context.close();
});

test("a focal point reports once through the emailed link; import, reports and the meeting tab work", async ({ browser }) => {
  const sec = await newSession(browser, "secretariat@example.org");
  await sec.page.goto("/recommendations?q=BRU-2026-02");
  await sec.page.getByRole("link", { name: "BRU-2026-02" }).click();
  await sec.page.getByRole("button", { name: "Request progress" }).click();
  await expect(sec.page.getByText(/Progress requested from 1 focal point/)).toBeVisible();

  await sec.page.goto(`/dev/mailbox?to=${encodeURIComponent("focal.frontex@example.org")}`);
  await sec.page.getByRole("link", { name: /Progress report requested: BRU-2026-02/ }).first().click();
  const href = (await sec.page.getByRole("link", { name: /\/progress\// }).first().getAttribute("href"))!;

  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto(href);
  await expect(page.getByRole("heading", { name: "Report progress on BRU-2026-02" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("What was done").fill("Three more member states connected to the alert exchange.");
  await page.getByLabel("Proposed progress (%)").fill("70");
  await page.getByRole("button", { name: "Send progress report" }).click();
  await expect(page.getByText(/This link cannot be used again/)).toBeVisible();
  await page.goto(href);
  await expect(page.getByText(/already been used/)).toBeVisible();
  await anonymous.close();

  await sec.page.goto("/recommendations/queue");
  await expect(sec.page.getByRole("listitem").filter({ hasText: "Three more member states" })).toBeVisible();

  // Import: one good row, one bad row reported with its number.
  const u = unique().toUpperCase();
  await sec.page.goto("/recommendations/import");
  await expectNoAxeViolations(sec.page);
  const csv = [
    "code,title,text,rationale,themes,meeting,lead_agency,supporting_agencies,priority,due_date,status",
    `IMP-${u}-1,Imported,Imported text,,Biometrics,calais-group-2025-autumn,Frontex,Europol,HIGH,2026-12-31,ADOPTED`,
    `IMP-${u}-2,Broken,Text,,,calais-group-2025-autumn,Atlantis Police,,LOW,,`,
  ].join("\n");
  await sec.page.getByLabel("CSV file").setInputFiles({ name: "recs.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await sec.page.getByRole("button", { name: "Import" }).click();
  await expect(sec.page.getByText("1 row imported, 1 row with errors.")).toBeVisible();
  await expect(sec.page.getByRole("row", { name: /3 .*Atlantis Police/ })).toBeVisible();
  await expectNoAxeViolations(sec.page);

  // Printable report for the Brussels meeting and the meeting's staff tab.
  await sec.page.goto("/recommendations/report");
  await sec.page.getByLabel("Report for a meeting").selectOption({ label: "Combating Irregular Migration in the EU (4 Jun 2026)" });
  await sec.page.getByRole("button", { name: "Show meeting report" }).click();
  await expect(sec.page.getByRole("heading", { name: /Made at this meeting/ })).toBeVisible();
  await expect(sec.page.getByRole("cell", { name: "BRU-2026-01" })).toBeVisible();
  await expectNoAxeViolations(sec.page);
  const meetingId = new URL(sec.page.url()).searchParams.get("meeting");
  await sec.page.goto(`/admin/meetings/${meetingId}/recommendations`);
  await expect(sec.page.getByRole("link", { name: "BRU-2026-03" })).toBeVisible();
  await expectNoAxeViolations(sec.page);
  await sec.context.close();
});

test("a session reviews its recommendations in one table; without JavaScript a refused row keeps every row's input", async ({ browser }) => {
  const u = unique().toUpperCase();
  const code = `REV-${u}`;
  const sec = await newSession(browser, "secretariat@example.org");
  await sec.page.goto(`/recommendations/new?meeting=${BRUSSELS}`);
  await sec.page.getByLabel("Reference code").fill(code);
  await sec.page.getByLabel("Title").fill(`Share watch lists ${u}`);
  await sec.page.getByLabel("Full text").fill("Share watch lists between the border services.");
  await sec.page.getByLabel("Lead agency").selectOption({ label: "Frontex — European Border and Coast Guard Agency" });
  await sec.page.getByRole("button", { name: "Record recommendation" }).click();
  await expect(sec.page.getByRole("heading", { level: 1, name: new RegExp(code) })).toBeVisible();
  await sec.page.getByLabel("Reviewing meeting").selectOption({ label: "Calais Group, spring session 2027 (11 Mar 2027)" });
  await sec.page.getByRole("button", { name: "Add to review list" }).click();
  await expect(sec.page.getByText("Added to the review list of that meeting.")).toBeVisible();

  await sec.page.goto("/recommendations/report");
  await sec.page.getByLabel("Report for a meeting").selectOption({ label: "Calais Group, spring session 2027 (11 Mar 2027)" });
  await sec.page.getByRole("button", { name: "Show meeting report" }).click();
  await expect(sec.page.getByRole("heading", { name: /Made at this meeting/ })).toBeVisible();
  const meetingId = new URL(sec.page.url()).searchParams.get("meeting");
  const tab = `/admin/meetings/${meetingId}/recommendations`;

  // With JavaScript: adopt it, with the outcome and a note, in the one table.
  await sec.page.goto(tab);
  await expect(sec.page.getByRole("table").filter({ hasText: code })).toBeVisible();
  await expectNoAxeViolations(sec.page);
  await sec.page.getByLabel(`Outcome for ${code}`).fill("Adopted as drafted by the working group.");
  await sec.page.getByLabel(`Status of ${code}`).selectOption({ label: "Adopted" });
  await sec.page.getByLabel(`Note on ${code}`).fill("Adopted in the closing session.");
  await sec.page.getByRole("button", { name: "Save the review" }).click();
  await expect(sec.page.getByText("Review saved: 1 recommendation updated.")).toBeVisible();
  await expect(sec.page.getByLabel(`Outcome for ${code}`)).toHaveValue("Adopted as drafted by the working group.");
  await expect(sec.page.getByLabel(`Status of ${code}`)).toHaveValue("ADOPTED");

  // Without JavaScript: a note without a new status is refused on its row; the typed outcome stays.
  const noJs = await newSession(browser, "secretariat@example.org", false);
  await noJs.page.goto(tab);
  await noJs.page.getByLabel(`Outcome for ${code}`).fill("Work to start in 2027.");
  await noJs.page.getByLabel(`Note on ${code}`).fill("Waiting for funds.");
  await noJs.page.getByRole("button", { name: "Save the review" }).click();
  await expect(noJs.page.getByText("A note goes with a new status or progress")).toBeVisible();
  await expect(noJs.page.getByLabel(`Outcome for ${code}`)).toHaveValue("Work to start in 2027.");
  await expect(noJs.page.getByLabel(`Note on ${code}`)).toHaveAttribute("aria-invalid", "true");
  await noJs.page.getByLabel(`Status of ${code}`).selectOption({ label: "In progress" });
  await noJs.page.getByLabel(`Progress of ${code} (%)`).fill("10");
  await noJs.page.getByRole("button", { name: "Save the review" }).click();
  await expect(noJs.page.getByText("Review saved: 1 recommendation updated.")).toBeVisible();
  await expect(noJs.page.getByLabel(`Status of ${code}`)).toHaveValue("IN_PROGRESS");
  await noJs.context.close();
  await sec.context.close();
});

test("the dashboard keeps each chart's data one click away, shows the status x agency matrix, and prints a summary", async ({ browser }) => {
  const sec = await newSession(browser, "secretariat@example.org");
  await sec.page.goto("/recommendations/dashboard");
  const byStatus = sec.page.getByRole("region", { name: "By status" });
  await expect(byStatus.getByRole("table")).toBeHidden();
  await byStatus.getByText("Show the data").click();
  await expect(byStatus.getByRole("table")).toBeVisible();
  const matrix = sec.page.getByRole("table", { name: "Recommendations by lead agency and status" });
  await expect(matrix).toBeVisible();
  await expectNoAxeViolations(sec.page);
  await matrix.getByRole("link", { name: /led by FRONTEX/i }).first().click();
  await expect(sec.page).toHaveURL(/\/recommendations\?(?=.*agency=)(?=.*status=)/);
  await sec.page.goto("/recommendations/summary");
  await expect(sec.page.getByRole("img", { name: "Implementation rate by quarter" })).toBeVisible();
  await expect(sec.page.getByRole("table", { name: "Recommendations by lead agency and status" })).toBeVisible();
  await expectNoAxeViolations(sec.page);
  await sec.context.close();
});
