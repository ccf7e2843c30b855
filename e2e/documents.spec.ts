import { expect, test, type Page } from "@playwright/test";
import { strToU8, unzipSync, zipSync } from "fflate";
import { expectNoAxeViolations, signIn, startSecondInstance, unique } from "./helpers";

// Meeting documents (issue 12): an organiser attaches a public presentation to an agenda item and a
// participants-only background paper; a confirmed participant sees and downloads both, alone or as a ZIP;
// an anonymous visitor gets the public one only; refused uploads store nothing; a second instance on the
// same database serves a file uploaded through the first.

const SLUG = "document-fraud-expert-meeting-2027";
const ITEM = "Specimen exchange and the FADO system";

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, "latin1");
const docx = () =>
  Buffer.from(
    zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
      "word/document.xml": strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
    }),
  );

let second: Awaited<ReturnType<typeof startSecondInstance>> | undefined;
test.afterAll(() => {
  second?.stop();
});

async function documentsPage(page: Page) {
  await page.goto(`/admin/meetings?q=${SLUG}`);
  await page.getByRole("link", { name: "Expert Meeting on Document Fraud and Identity Management" }).first().click();
  await page.getByRole("navigation", { name: "Meeting sections" }).getByRole("link", { name: "Agenda" }).click();
  await page.getByRole("link", { name: `Attach a document to “${ITEM}”` }).click();
  await expect(page.getByRole("heading", { name: "Documents", level: 2 })).toBeVisible();
}

test("an organiser attaches documents; a participant downloads them; anonymous visitors get the public one only", async ({ page, browser, baseURL, playwright }) => {
  // A guard against hangs on a shared machine, not a speed check.
  test.setTimeout(600_000);
  const tag = unique();
  const presentation = { title: `FADO presentation ${tag}`, name: `fado-${tag}.pdf`, bytes: pdf(`presentation ${tag}`) };
  const paper = { title: `Background paper ${tag}`, name: `background-${tag}.docx`, bytes: docx() };

  await signIn(page, "organiser@example.org");
  await documentsPage(page);
  const upload = page.getByRole("form", { name: "Upload a document" });
  // The agenda item came preselected from the agenda editor's link.
  await expect(upload.getByLabel("Agenda item")).toHaveValue(/.+/);
  await expect(upload.getByLabel("File")).toHaveAttribute("accept", /\.pdf,.*\.docx/);

  // Three refused uploads: each says why, keeps the title, and nothing is listed.
  const refusals: [string, { name: string; mimeType: string; buffer: Buffer }, RegExp][] = [
    ["forged", { name: `photo-${tag}.png`, mimeType: "image/png", buffer: pdf("forged") }, /named as a PNG image but its content is a PDF/],
    ["empty", { name: `empty-${tag}.pdf`, mimeType: "application/pdf", buffer: Buffer.alloc(0) }, /is empty/],
    ["oversized", { name: `huge-${tag}.pdf`, mimeType: "application/pdf", buffer: Buffer.concat([pdf("huge"), Buffer.alloc(20 * 1024 * 1024)]) }, /a file may be at most 20\.0 MB/],
  ];
  for (const [what, file, message] of refusals) {
    await upload.getByLabel("Title").fill(`Refused ${what} ${tag}`);
    await upload.getByLabel("Who may see it").selectOption("PUBLIC");
    await upload.getByLabel("File").setInputFiles(file);
    await upload.getByRole("button", { name: "Upload" }).click();
    await expect(upload.getByText(message)).toBeVisible();
    await expect(upload.getByLabel("Title")).toHaveValue(`Refused ${what} ${tag}`);
    await expect(upload.getByText(/Choose the file again/)).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await expect(page.getByRole("group", { name: /documents of the meeting/i }).getByRole("table").getByText(/Refused/)).toHaveCount(0);

  // The presentation, public, on the agenda item.
  await upload.getByLabel("Title").fill(presentation.title);
  await upload.getByLabel("Type").selectOption("PRESENTATION");
  await upload.getByLabel("Who may see it").selectOption("PUBLIC");
  await upload.getByLabel("File").setInputFiles({ name: presentation.name, mimeType: "application/pdf", buffer: presentation.bytes });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText(`“${presentation.title}” uploaded.`)).toBeVisible();

  // The background paper, participants only, for the whole meeting.
  const again = page.getByRole("form", { name: "Upload a document" });
  await again.getByLabel("Title").fill(paper.title);
  await again.getByLabel("Type").selectOption("BACKGROUND_PAPER");
  await again.getByLabel("Who may see it").selectOption("PARTICIPANTS");
  await again.getByLabel("Agenda item").selectOption("");
  await again.getByLabel("File").setInputFiles({ name: paper.name, mimeType: "application/octet-stream", buffer: paper.bytes });
  await again.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText(`“${paper.title}” uploaded.`)).toBeVisible();
  const table = page.getByRole("group", { name: /documents of the meeting/i }).getByRole("table");
  await expect(table.getByRole("row", { name: new RegExp(presentation.title) })).toContainText("Public");
  await expect(table.getByRole("row", { name: new RegExp(paper.title) })).toContainText("Registered participants");
  await expect(table.getByText(/Refused/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A confirmed participant of the meeting: the presentation under its agenda item, both in the section.
  const participant = await (await browser.newContext()).newPage();
  await signIn(participant, "participant@example.org");
  await participant.goto(`/meetings/${SLUG}`);
  const item = participant.locator(".agenda-item").filter({ has: participant.getByText(ITEM, { exact: true }) });
  await expect(item.getByRole("link", { name: presentation.title })).toBeVisible();
  const section = participant.getByRole("region", { name: "Documents" });
  await expect(section.getByRole("link", { name: presentation.title })).toBeVisible();
  await expect(section.getByRole("link", { name: paper.title })).toBeVisible();
  await expect(section).toContainText(/Background paper.*English/);
  await expectNoAxeViolations(participant);

  const presentationHref = (await section.getByRole("link", { name: presentation.title }).getAttribute("href"))!;
  const paperHref = (await section.getByRole("link", { name: paper.title }).getAttribute("href"))!;
  expect(presentationHref).toMatch(/^\/files\/[\w-]{20,}$/);
  const gotPresentation = await participant.request.get(presentationHref);
  expect(gotPresentation.status()).toBe(200);
  expect(gotPresentation.headers()["content-type"]).toBe("application/pdf");
  expect(gotPresentation.headers()["content-disposition"]).toBe(`inline; filename="${presentation.name}"`);
  expect(Buffer.from(await gotPresentation.body()).equals(presentation.bytes)).toBe(true);
  const gotPaper = await participant.request.get(paperHref);
  expect(gotPaper.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect(gotPaper.headers()["content-disposition"]).toBe(`attachment; filename="${paper.name}"`);
  expect(gotPaper.headers()["content-security-policy"]).toMatch(/sandbox/);
  expect(Buffer.from(await gotPaper.body()).equals(paper.bytes)).toBe(true);

  // The ZIP holds what the participant may see, under the files' names.
  const zip = await participant.request.get(`/meetings/${SLUG}/documents.zip`);
  expect(zip.headers()["content-disposition"]).toBe(`attachment; filename="${SLUG}-documents.zip"`);
  const entries = unzipSync(new Uint8Array(await zip.body()));
  expect(Object.keys(entries)).toEqual(expect.arrayContaining([presentation.name, paper.name]));
  expect(Buffer.from(entries[paper.name]).equals(paper.bytes)).toBe(true);

  // Anonymous: the public presentation, and a sign-in page for the paper; the page lists only the public one.
  const anonymous = await playwright.request.newContext({ baseURL });
  expect(Buffer.from(await (await anonymous.get(presentationHref)).body()).equals(presentation.bytes)).toBe(true);
  const refused = await anonymous.get(paperHref, { maxRedirects: 0 });
  expect(refused.status()).toBe(302);
  expect(refused.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
  const publicPage = await (await anonymous.get(`/meetings/${SLUG}`)).text();
  expect(publicPage).toContain(presentation.title);
  expect(publicPage).not.toContain(paper.title);
  const anonymousZip = unzipSync(new Uint8Array(await (await anonymous.get(`/meetings/${SLUG}/documents.zip`)).body()));
  expect(Object.keys(anonymousZip)).toContain(presentation.name);
  expect(Object.keys(anonymousZip)).not.toContain(paper.name);
  // A signed-in person without a registration gets 404: not even the file's existence.
  const focal = await (await browser.newContext()).newPage();
  await signIn(focal, "focal.frontex@example.org");
  expect((await focal.request.get(paperHref)).status()).toBe(404);

  // A second instance on the same database serves the file uploaded through the first.
  second = await startSecondInstance();
  const fromSecond = await fetch(`${second.url}${presentationHref}`);
  expect(fromSecond.status).toBe(200);
  expect(Buffer.from(await fromSecond.arrayBuffer()).equals(presentation.bytes)).toBe(true);
});
