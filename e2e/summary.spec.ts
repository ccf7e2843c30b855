import { expect, test, type Page } from "@playwright/test";
import { pdfPages } from "../app/test/pdf-text";
import { expectNoAxeViolations, signIn, waitForHydration } from "./helpers";

// The summary record of the Brussels meeting (held 4 June 2026, with five recommendations): the
// secretariat starts from the records, edits, previews and publishes it to participants; the published
// list of recommendations matches their records; the PDF downloads; a participant reads it, an anonymous
// visitor is sent to sign in until it is published for everyone. docs/decisions/078-summary-record.md.

const SLUG = "combating-irregular-migration-eu-2026";

async function openEditor(page: Page) {
  await page.goto(`/admin/meetings?q=${encodeURIComponent("Combating Irregular Migration")}`);
  // exact: meeting-publish.spec.ts creates meetings whose titles start the same way
  await page.getByRole("link", { name: "Combating Irregular Migration in the EU", exact: true }).first().click();
  await page.waitForURL(/\/admin\/meetings\/[^/?]+$/);
  const base = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Summary record" }).click();
  await page.waitForURL(`**${base}/summary`);
  return base.split("/").pop()!;
}

/** Code and status of each row of a table whose first column is the code. */
async function codesAndStatuses(page: Page, rows: ReturnType<Page["locator"]>, statusColumn: number) {
  const out: string[] = [];
  for (const row of await rows.all()) {
    const cells = row.locator("td");
    out.push(`${(await cells.nth(0).innerText()).trim()} ${(await cells.nth(statusColumn).innerText()).trim()}`);
  }
  return out.sort();
}

test("the secretariat drafts, previews and publishes the summary record; readers see it per audience", async ({ page, browser }) => {
  await signIn(page, "secretariat@example.org");
  const meetingId = await openEditor(page);
  await expect(page.getByRole("heading", { name: "Summary record", level: 2 })).toBeVisible();
  await expectNoAxeViolations(page);

  const text = page.getByLabel("Text (Markdown)");
  await page.getByRole("button", { name: "Start from the records" }).click();
  await expect(text).toHaveValue(/Times are in Europe\/Brussels \(UTC\+02:00\)\./);
  await expect(text).toHaveValue(/\{\{recommendations\}\}/);
  const draft = await text.inputValue();
  expect(draft).toMatch(/^# .+ \(\d\d:\d\d–\d\d:\d\d\)$/m);

  const body = `# Outcome of the day\n\nThe meeting agreed on **five** recommendations. <script>alert(1)</script>\n\n${draft}`;
  await text.fill(body);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.locator(".summary-preview");
  await expect(preview.getByRole("heading", { name: "Outcome of the day", exact: true })).toBeVisible();
  await expect(preview.getByText("<script>alert(1)</script>")).toBeVisible();
  await expect(preview.getByRole("heading", { name: "Recommendations made at this meeting" })).toBeVisible();
  await expect(text).toHaveValue(body);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText(/Published .* for confirmed participants \(and staff\)/)).toBeVisible();
  await expect(page.getByRole("link", { name: "PDF version 1" })).toBeVisible();

  // The published list matches the recommendations' own records (the recommendations list, by meeting).
  await page.goto(`/meetings/${SLUG}/summary`);
  await expect(page.getByRole("heading", { level: 1, name: "Summary record: Combating Irregular Migration in the EU" })).toBeVisible();
  const published = await codesAndStatuses(page, page.getByTestId("summary-made").locator("tbody tr"), 2);
  await page.goto(`/recommendations?meeting=${meetingId}`);
  const records = await codesAndStatuses(page, page.locator("table tbody tr"), 4);
  // The seed gives the meeting five; evidence.spec.ts and recommendations.spec.ts add theirs earlier in a full run.
  expect(published.length).toBeGreaterThanOrEqual(5);
  expect(published).toEqual(records);
  const adopted = published.filter((r) => r.endsWith(" Adopted")).map((r) => r.split(" ")[0]);
  expect(adopted.length).toBeGreaterThan(0);

  await page.goto(`/meetings/${SLUG}/summary`);
  await expectNoAxeViolations(page);
  const pdf = await page.request.get(`/meetings/${SLUG}/summary.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const pdfText = pdfPages(bytes).join("\n");
  for (const code of adopted) expect(pdfText).toContain(code);

  // A confirmed participant reads it; an anonymous visitor is sent to sign in, for the PDF too.
  const participant = await browser.newPage();
  await signIn(participant, "participant@example.org");
  await participant.goto(`/meetings/${SLUG}`);
  await participant.getByRole("link", { name: "Read the summary record" }).click();
  await expect(participant.getByRole("heading", { level: 1, name: /^Summary record:/ })).toBeVisible();
  await expect(participant.getByText("The meeting agreed on five recommendations.")).toBeVisible();
  await participant.close();
  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  await anon.goto(`/meetings/${SLUG}/summary`);
  await expect(anon).toHaveURL(/\/login\?redirectTo=/);
  expect((await anon.request.get(`/meetings/${SLUG}/summary.pdf`, { maxRedirects: 0 })).status()).toBe(302);

  // Published for everyone: the anonymous visitor reads it and gets the second PDF version.
  await page.goto(`/admin/meetings/${meetingId}/summary`);
  await page.getByLabel("Everyone who may see the meeting page").check();
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByRole("link", { name: "PDF version 2" })).toBeVisible();
  await anon.goto(`/meetings/${SLUG}/summary`);
  await expect(anon.getByRole("heading", { level: 1, name: /^Summary record:/ })).toBeVisible();
  await expect(anon.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
  const anonPdf = await anon.request.get(`/meetings/${SLUG}/summary.pdf`);
  expect(anonPdf.status()).toBe(200);
  await anonymous.close();
});

test("the editor works without JavaScript and refuses a save over a newer one", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "secretariat@example.org");
  await page.goto(`/admin/meetings?q=${encodeURIComponent("autumn session 2025")}`);
  await page.getByRole("link", { name: "Calais Group, autumn session 2025" }).first().click();
  await page.getByRole("link", { name: "Summary record" }).click();
  const text = page.getByLabel("Text (Markdown)");
  await page.getByRole("button", { name: "Start from the records" }).click();
  await expect(text).toHaveValue(/\{\{attendance\}\}/);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Draft, last saved/)).toBeVisible();

  // Another member of staff saves meanwhile; this page's save is refused and its text kept.
  const other = await browser.newPage();
  await signIn(other, "organiser@example.org");
  await other.goto(page.url());
  await waitForHydration(other, "textarea[name=body]");
  await other.getByLabel("Text (Markdown)").fill("# The organiser's version");
  // "Draft, last saved" is on the page already (the first save), so wait for the save itself, then
  // read it back: closing the page before the answer could drop the save and the refusal below with it.
  const saved = other.waitForResponse((r) => r.request().method() === "POST");
  await other.getByRole("button", { name: "Save draft" }).click();
  expect((await saved).status()).toBeLessThan(400);
  await other.reload();
  await expect(other.getByLabel("Text (Markdown)")).toHaveValue("# The organiser's version");
  await other.close();

  await text.fill("# My version");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Someone else saved changes here/)).toBeVisible();
  await expect(text).toHaveValue("# My version");
  await context.close();
});
