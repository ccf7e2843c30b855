import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, unique } from "./helpers";

// Progress evidence (issue 12, item 4): a focal point attaches a file to a progress update, through the
// single-use link without JavaScript and signed in; a forged file is refused with the text kept (and the
// link still usable); the secretariat sees each file (name, type, size, download link) in the review queue
// and downloads it; an anonymous visitor gets no file.

const BRUSSELS = "combating-irregular-migration-eu-2026";
const FRONTEX = "Frontex — European Border and Coast Guard Agency";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function newSession(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

async function expectFitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(390);
}

test("a focal point attaches evidence through the emailed link and signed in; the secretariat sees both files in the queue", async ({ browser }) => {
  const code = `EVI-${unique().toUpperCase()}`;
  const sec = await newSession(browser, "secretariat@example.org");
  await sec.page.goto(`/recommendations/new?meeting=${BRUSSELS}`);
  await sec.page.getByLabel("Reference code").fill(code);
  await sec.page.getByLabel("Title").fill(`Share alert evidence ${code}`);
  await sec.page.getByLabel("Full text").fill("Share the evidence of alerts between border services.");
  await sec.page.getByLabel("Lead agency").selectOption({ label: FRONTEX });
  await sec.page.getByRole("button", { name: "Record recommendation" }).click();
  await expect(sec.page.getByRole("heading", { level: 1, name: new RegExp(code) })).toBeVisible();
  const recommendationPath = new URL(sec.page.url()).pathname;
  await sec.page.getByRole("button", { name: "Request progress" }).click();
  await expect(sec.page.getByText(/Progress requested from 1 focal point/)).toBeVisible();
  await sec.page.goto(`/dev/mailbox?to=${encodeURIComponent("focal.frontex@example.org")}`);
  await sec.page.getByRole("link", { name: new RegExp(`Progress report requested: ${code}`) }).first().click();
  const href = (await sec.page.getByRole("link", { name: /\/progress\// }).first().getAttribute("href"))!;

  // Through the link, without JavaScript, on a phone: a text file named .pdf is refused, nothing is lost.
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await noJs.newPage();
  await page.goto(href);
  const file = page.getByLabel("Evidence file (optional)");
  await expect(file).toHaveAttribute("accept", /\.pdf/);
  await expect(page.getByText(/at most \d+(\.\d)? MB\./)).toBeVisible();
  await page.getByLabel("What was done").fill("Alert evidence now shared with all land border posts.");
  await file.setInputFiles({ name: "forged.pdf", mimeType: "application/pdf", buffer: Buffer.from("Only text, whatever the name says.\n") });
  await page.getByRole("button", { name: "Send progress report" }).click();
  await expect(page.getByText(/“forged\.pdf” is named as a PDF but its content is a plain text file\..*choose a file again/)).toBeVisible();
  await expect(page.getByLabel("What was done")).toHaveValue("Alert evidence now shared with all land border posts.");
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expectFitsPhone(page);
  // The link was not used up: the same page takes the report with a real PDF.
  await file.setInputFiles({ name: "border-posts.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Send progress report" }).click();
  await expect(page.getByText(/This link cannot be used again/)).toBeVisible();
  await noJs.close();

  // Signed in, with JavaScript: the recommendation page's form takes a file too and lists it.
  const fp = await newSession(browser, "focal.frontex@example.org");
  await fp.page.goto(recommendationPath);
  await fp.page.getByLabel("What was done").fill("Training for first-line officers held.");
  const input = fp.page.getByLabel("Evidence file (optional)");
  await input.setInputFiles({ name: "slides.pptx", mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", buffer: PDF });
  await fp.page.getByRole("button", { name: "Send progress update" }).click();
  await expect(fp.page.getByText(/“slides\.pptx” is named as a PowerPoint presentation but its content is a PDF/)).toBeVisible();
  await expect(fp.page.getByLabel("What was done")).toHaveValue("Training for first-line officers held.");
  await expectNoAxeViolations(fp.page);
  await input.setInputFiles({ name: "training.pdf", mimeType: "application/pdf", buffer: PDF });
  await fp.page.getByRole("button", { name: "Send progress update" }).click();
  await expect(fp.page.getByText("Progress update sent to the secretariat for review.")).toBeVisible();
  await expect(fp.page.getByRole("link", { name: "training.pdf" })).toHaveAttribute("href", /^\/files\/[\w-]{20,}$/);
  await fp.context.close();

  // The secretariat sees both files where it accepts or returns the updates.
  await sec.page.goto("/recommendations/queue");
  for (const [name, text] of [
    ["border-posts.pdf", "Alert evidence now shared"],
    ["training.pdf", "Training for first-line officers"],
  ]) {
    const card = sec.page.getByRole("listitem").filter({ hasText: text }).filter({ hasText: code });
    await expect(card.getByText(/Evidence file: .*\(PDF, 1 KB\)/)).toBeVisible();
    await expect(card.getByRole("link", { name })).toHaveAttribute("href", /^\/files\/[\w-]{20,}$/);
  }
  await expectNoAxeViolations(sec.page);
  const links = await sec.page.getByRole("link", { name: /^(border-posts|training)\.pdf$/ }).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(new Set(links).size).toBe(links.length);
  // The secretariat downloads the file itself; a visitor who is not signed in gets no file.
  for (const href of links) {
    const download = await sec.page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const anonymous = await fetch(new URL(href!, sec.page.url()), { redirect: "manual" });
    expect(anonymous.status).not.toBe(200);
  }
  await sec.context.close();
});
