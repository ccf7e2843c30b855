import { describe, expect, it } from "vitest";
import type { Actor, Role } from "~/domain/auth/roles";
import { followUpSchema } from "~/domain/mail/followup.schema";
import { previewFollowUp } from "~/domain/mail/followups.server";
import { privateLinkToken } from "~/domain/registration/mail.server";
import { createAgency, createMeeting, createUser, requestAs } from "~/test/factories";
import { createAgenda } from "~/test/factories.meetings";
import { overlapping } from "~/test/overlap";
import { registerPerson } from "~/test/factories.registration";
import { pdfPages } from "~/test/pdf-text";
import { db } from "~/utils/db.server";
import { breakable, markdownToHtml, renderSummary, summaryPdf } from "./render.server";
import { summarySchema, SUMMARY_MAX_CHARS, type SummaryInput } from "./summary.schema";
import { changeSummary, draftFromRecords, readSummary, requireReadableSummary, summaryPdfFile, summaryRecords } from "./summary.server";

async function actor(role: Role): Promise<Actor> {
  const u = await createUser(role);
  return { id: u.id, role, agencyId: null, name: u.name, email: u.email };
}

const input = (over: Partial<SummaryInput>): SummaryInput => ({ intent: "save", body: "", visibility: "PARTICIPANTS", updatedAt: "", ...over });

/** A past meeting in Brussels with an agenda, two agencies' participants and recommendations made and reviewed. */
async function pastMeeting(whileOpen?: (meetingId: string, agencyId: string) => Promise<unknown>) {
  const n = crypto.randomUUID().slice(0, 6);
  const [alpha, beta] = [await createAgency({ name: `Agence Ålpha ${n}`, acronym: "AA" }), await createAgency({ name: `Beta Office ${n}`, acronym: "BO" })];
  // Registered while open, then held on 4 June 2026.
  const created = await createMeeting({ startsAt: new Date("2036-06-04T07:00:00Z") });
  await createAgenda(created.id, [
    ["Opening", "2026-06-04T07:00:00Z", "2026-06-04T07:30:00Z"],
    ["Review of *last* year's <measures>", "2026-06-04T07:30:00Z", "2026-06-04T10:00:00Z"],
    ["Data exchange", "2026-06-04T08:00:00Z", "2026-06-04T09:00:00Z", 1],
  ]);
  const a1 = await registerPerson(created.id, alpha.id);
  await registerPerson(created.id, alpha.id);
  const b1 = await registerPerson(created.id, beta.id);
  const cancelled = await registerPerson(created.id, beta.id);
  await db.registration.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
  await whileOpen?.(created.id, alpha.id);
  const meeting = await db.meeting.update({
    where: { id: created.id },
    data: { startsAt: new Date("2026-06-04T07:00:00Z"), endsAt: new Date("2026-06-04T15:00:00Z"), status: "HELD" },
  });
  await db.registration.updateMany({ where: { id: { in: [a1.id, b1.id] } }, data: { attendance: "ATTENDED", checkedInAt: new Date() } });
  const tag = meeting.id.slice(-6).toUpperCase();
  const adopted = await db.recommendation.create({ data: { code: `SR-${tag}-01`, title: "Share passenger data", text: "x", meetingId: meeting.id, leadAgencyId: alpha.id, status: "ADOPTED" } });
  const proposed = await db.recommendation.create({ data: { code: `SR-${tag}-02`, title: "Joint training", text: "x", meetingId: meeting.id, leadAgencyId: beta.id, status: "PROPOSED" } });
  const earlierMeeting = await createMeeting({ startsAt: new Date("2025-06-04T07:00:00Z"), status: "HELD" });
  const old = await db.recommendation.create({ data: { code: `SR-${tag}-00`, title: "Old measure", text: "x", meetingId: earlierMeeting.id, leadAgencyId: beta.id, status: "IN_PROGRESS" } });
  await db.recommendationReview.create({ data: { recommendationId: old.id, meetingId: meeting.id, outcome: "Half done; continue." } });
  return { meeting, alpha, beta, a1, adopted, proposed, old, tag };
}

/** A meeting as summaryPdf takes it, for the PDF's own tests. */
const pdfMeeting = (title: string) => ({ title, startsAt: new Date("2027-03-01T08:00:00Z"), endsAt: new Date("2027-03-01T16:00:00Z"), timeZone: "Europe/Brussels", venue: "Berlaymont", room: "", city: "Brussels" });

describe("the summary record", () => {
  it("drafts from the agenda, with times in the meeting's zone, and leaves attendance and recommendations to the records", async () => {
    const { meeting } = await pastMeeting();
    const draft = await draftFromRecords(meeting.id);
    expect(draft).toContain("Times are in Europe/Brussels (UTC+02:00).");
    expect(draft).toContain("# Opening (09:00–09:30)");
    // Markup in an agenda title stays text; a sub-item is one level down.
    expect(draft).toContain("# Review of \\*last\\* year's \\<measures\\> (09:30–12:00)");
    expect(draft).toContain("## Data exchange (10:00–11:00)");
    expect(draft).toMatch(/\{\{attendance\}\}[\s\S]*\{\{recommendations\}\}/);
    expect(markdownToHtml(draft)).toContain("<h2>Review of *last* year's &lt;measures&gt; (09:30–12:00)</h2>");
    // In the secretariat member's language: the words and the zone's name (the titles are the agenda's).
    const french = await draftFromRecords(meeting.id, "fr");
    expect(french).toContain("Heures indiquées : heure de Bruxelles (UTC+02:00).");
    expect(french).toContain("# Opening (09:00–09:30)");
    expect(french).not.toContain("Times are in");
  });

  it("fills attendance and recommendations from the records at each showing, so a status change shows at once", async () => {
    const { meeting, adopted, proposed, old, alpha, beta } = await pastMeeting();
    const records = await summaryRecords(meeting.id, "en");
    expect(records.attendance).toEqual([
      { agency: `${alpha.name} (AA)`, confirmed: 2, checkedIn: 1 },
      { agency: `${beta.name} (BO)`, confirmed: 1, checkedIn: 1 },
    ]);
    expect(records.made.map((r) => [r.code, r.status])).toEqual([
      [adopted.code, "ADOPTED"],
      [proposed.code, "PROPOSED"],
    ]);
    expect(records.reviewed).toEqual([expect.objectContaining({ code: old.code, outcome: "Half done; continue.", status: "IN_PROGRESS" })]);

    // Placeholders put the sections where they stand; a missing one comes after the text.
    const rendered = renderSummary("# Conclusions\n\n{{recommendations}}\n\nClosing words.", records);
    expect(rendered.parts.map((p) => p.kind)).toEqual(["html", "recommendations", "html", "attendance"]);

    await db.recommendation.update({ where: { id: proposed.id }, data: { status: "ADOPTED" } });
    const again = await summaryRecords(meeting.id, "en");
    expect(again.made.filter((r) => r.status === "ADOPTED").map((r) => r.code)).toEqual([adopted.code, proposed.code]);
  });

  it("renders hostile Markdown as harmless text and caps the size", () => {
    const html = markdownToHtml(
      [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [d](data:text/html;base64,PHNjcmlwdD4=) [p](data:image/png;base64,AAAA)",
        "![img](https://evil.example/pixel.png) <img src=x onerror=alert(1)>",
        '<a href="https://evil.example">raw</a> [ok](https://example.org/report) <mailto:secretariat@example.org>',
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|<img|<a href="https:\/\/evil\.example">raw/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(2);
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/|mailto:)/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('<a href="https://example.org/report" rel="nofollow noopener noreferrer">ok</a>');
    expect(html).toContain('href="mailto:secretariat@example.org"');

    const huge = summarySchema.safeParse({ intent: "save", body: "x".repeat(SUMMARY_MAX_CHARS + 1) });
    expect(huge.success).toBe(false);
    expect(huge.error?.issues[0].message).toBe("admin:summary.error.tooLong");
  });

  it("gives the PDF a break opportunity in every run of more than 200 characters without a space, so a pasted line of the largest size renders", async () => {
    const ZW = "\u200B";
    expect(breakable("a".repeat(200))).toBe("a".repeat(200));
    expect(breakable(`see https://example.org/${"p".repeat(80)} now`)).toBe(`see https://example.org/${"p".repeat(80)} now`);
    expect(breakable(`x ${"b".repeat(250)} y`)).toBe(`x ${"b".repeat(100)}${ZW}${"b".repeat(100)}${ZW}${"b".repeat(50)} y`);
    expect(breakable("c".repeat(300))).toBe(`${"c".repeat(100)}${ZW}${"c".repeat(100)}${ZW}${"c".repeat(100)}`);
    // PDFKit split such a line one character at a time: 60,000 of them ran the process out of memory.
    const body = "x".repeat(SUMMARY_MAX_CHARS);
    const meeting = pdfMeeting("Long line");
    const pdf = await summaryPdf({ meeting, body, records: { attendance: [], made: [], reviewed: [] }, publishedAt: new Date("2027-03-02T10:00:00Z") });
    const text = pdfPages(pdf).join("");
    expect(text.replace(/[^x]/g, "")).toHaveLength(SUMMARY_MAX_CHARS);
  });

  it("keeps each reference code on one line of the PDF, however wide its letters", async () => {
    const meeting = pdfMeeting("Codes");
    // Wide capitals: the one that CI saw split as "E2E-2WD3ON-0" / "1", and longer ones.
    const codes = ["E2E-2WD3ON-01", "WWWW-MMMM-2027-01", "CALAIS-GROUP-2027-WWM-12"];
    const row = (code: string, i: number) => ({ id: `r${i}`, code, title: `Recommendation ${i}`, lang: "en" as const, status: "ADOPTED" as const });
    const records = { attendance: [], made: codes.map(row), reviewed: [{ ...row("REV-MWMWMW-2026-04", 9), outcome: "Kept under review." }] };
    const pdf = await summaryPdf({ meeting, body: "# Outcome", records, publishedAt: new Date("2027-03-02T10:00:00Z") });
    const lines = pdfPages(pdf).join("\n").split("\n");
    for (const code of [...codes, "REV-MWMWMW-2026-04"]) expect(lines, code).toContain(code);
    expect(lines).toContain("Recommendation 0");
  });

  it("names the recommendations in the reader's language where translated, else in the original's with its lang; the PDF in the publisher's", async () => {
    const { meeting, adopted, proposed, old } = await pastMeeting();
    await db.recommendationTranslation.create({ data: { recommendationId: adopted.id, language: "fr", title: "Partager les données des passagers", text: "" } });
    await db.recommendationTranslation.create({ data: { recommendationId: old.id, language: "fr", title: "Ancienne mesure", text: "" } });

    const french = await summaryRecords(meeting.id, "fr");
    expect(french.made.map((r) => [r.code, r.title, r.lang])).toEqual([
      [adopted.code, "Partager les données des passagers", "fr"],
      [proposed.code, "Joint training", "en"],
    ]);
    expect(french.reviewed.map((r) => [r.title, r.lang])).toEqual([["Ancienne mesure", "fr"]]);
    expect((await summaryRecords(meeting.id, "en")).made.map((r) => [r.title, r.lang])).toEqual([
      ["Share passenger data", "en"],
      ["Joint training", "en"],
    ]);

    const secretariat = await actor("SECRETARIAT");
    expect(await changeSummary(secretariat, meeting.id, input({ intent: "publish", body: "{{recommendations}}", visibility: "PUBLIC" }), new Date(), "fr")).toEqual({ ok: true, version: 1 });
    const text = pdfPages((await summaryPdfFile(new Request("http://convene.test/x"), meeting.slug, { user: null })).bytes).join("\n");
    expect(text).toContain("Partager les données des passagers");
    expect(text).toContain("Ancienne mesure");
    expect(text).toContain("Joint training");
    expect(text).not.toContain("Share passenger data");

    // The reading page follows its reader, whoever published.
    const page = async (lang: string) => (await readSummary(new Request(`http://convene.test/x?lang=${lang}`), meeting.slug, { user: null })).rendered.records.made.map((r) => r.title);
    expect(await page("fr")).toEqual(["Partager les données des passagers", "Joint training"]);
    expect(await page("en")).toEqual(["Share passenger data", "Joint training"]);
  });

  it("publishes as a PDF version of the meeting's summary record document, and adds a version on publishing again", async () => {
    const { meeting, adopted, old } = await pastMeeting();
    const secretariat = await actor("SECRETARIAT");
    const body = "# Conclusions\n\nThe group met in Brüssel; Łukasz chaired.\n\n- first\n- second\n\n{{recommendations}}";
    const saved = await changeSummary(secretariat, meeting.id, input({ body }));
    expect(saved).toEqual({ ok: true, version: null });
    expect(await db.document.count({ where: { meetingId: meeting.id } })).toBe(0);

    const first = await changeSummary(secretariat, meeting.id, input({ intent: "publish", body, visibility: "PUBLIC" }));
    expect(first).toEqual({ ok: true, version: 1 });
    const record = await db.summaryRecord.findUniqueOrThrow({ where: { meetingId: meeting.id }, include: { document: { include: { versions: { include: { file: true } } } } } });
    expect(record.publishedAt).not.toBeNull();
    expect(record.document).toMatchObject({ type: "SUMMARY_RECORD", visibility: "PUBLIC", meetingId: meeting.id });
    expect(record.document!.versions.map((v) => [v.version, v.file.mimeType])).toEqual([[1, "application/pdf"]]);

    const anyone = await summaryPdfFile(new Request("http://convene.test/x"), meeting.slug, { user: null });
    expect(anyone.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfPages(anyone.bytes).join("\n");
    expect(text).toContain(adopted.code);
    expect(text).toContain(old.code);
    expect(text).toContain("Łukasz chaired");
    expect(text).toContain("Europe/Brussels");

    // Saving a draft over a published record is refused: it changes by publishing again.
    const record1 = await db.summaryRecord.findUniqueOrThrow({ where: { meetingId: meeting.id } });
    const draftOver = await changeSummary(secretariat, meeting.id, input({ body: "changed", updatedAt: record1.updatedAt.toISOString() }));
    expect(draftOver).toMatchObject({ ok: false, formErrors: [expect.stringMatching(/published/)] });

    const second = await changeSummary(secretariat, meeting.id, input({ intent: "publish", body: `${body}\n\nAddendum.`, visibility: "PARTICIPANTS", updatedAt: record1.updatedAt.toISOString() }));
    expect(second).toEqual({ ok: true, version: 2 });
    const versions = await db.documentVersion.findMany({ where: { document: { meetingId: meeting.id } }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await db.document.count({ where: { meetingId: meeting.id } })).toBe(1);
    expect((await db.document.findFirstOrThrow({ where: { meetingId: meeting.id } })).visibility).toBe("PARTICIPANTS");
    const actions = await db.auditLog.findMany({ where: { entity: "SummaryRecord", meetingId: meeting.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["save", "publish", "republish"]);

    const unpublished = await changeSummary(secretariat, meeting.id, input({ intent: "unpublish", updatedAt: "" }));
    expect(unpublished.ok).toBe(true);
    expect((await db.document.findFirstOrThrow({ where: { meetingId: meeting.id } })).visibility).toBe("STAFF");
  });

  it("makes a save from a page loaded together with another's wait for the other's save under way, then refuses it", async () => {
    const { meeting } = await pastMeeting();
    const [anna, ben] = [await actor("SECRETARIAT"), await actor("ORGANISER")];
    expect((await changeSummary(anna, meeting.id, input({ body: "Anna's first" }))).ok).toBe(true);
    const loaded = (await db.summaryRecord.findUniqueOrThrow({ where: { meetingId: meeting.id } })).updatedAt.toISOString();
    // Ben's save starts while Anna's transaction is open (test/overlap.ts): without the record's row lock, Ben
    // would read the record as it was before Anna's save, find his page current and write over her text.
    const [annas, bens] = await overlapping(
      () => changeSummary(anna, meeting.id, input({ body: "Anna's second", updatedAt: loaded })),
      () => changeSummary(ben, meeting.id, input({ body: "Ben's", updatedAt: loaded })),
    );
    expect(annas.ok).toBe(true);
    expect(bens).toMatchObject({ ok: false, formErrors: ["common:error.stale"] });
    expect((await db.summaryRecord.findUniqueOrThrow({ where: { meetingId: meeting.id } })).body).toBe("Anna's second");
  });

  it("refuses a save over someone else's newer save, and keeps theirs", async () => {
    const { meeting } = await pastMeeting();
    const [anna, ben] = [await actor("SECRETARIAT"), await actor("ORGANISER")];
    expect((await changeSummary(anna, meeting.id, input({ body: "Anna's first" }))).ok).toBe(true);
    const loaded = (await db.summaryRecord.findUniqueOrThrow({ where: { meetingId: meeting.id } })).updatedAt.toISOString();
    expect((await changeSummary(anna, meeting.id, input({ body: "Anna's second", updatedAt: loaded }))).ok).toBe(true);
    const stale = await changeSummary(ben, meeting.id, input({ body: "Ben's, from the old page", updatedAt: loaded }));
    expect(stale).toMatchObject({ ok: false, formErrors: ["common:error.stale"] });
    expect((await db.summaryRecord.findUniqueOrThrow({ where: { meetingId: meeting.id } })).body).toBe("Anna's second");
    // A first save made on a page loaded before anyone saved is refused the same way.
    const other = await pastMeeting();
    expect((await changeSummary(anna, other.meeting.id, input({ body: "first" }))).ok).toBe(true);
    expect((await changeSummary(ben, other.meeting.id, input({ body: "second" }))).ok).toBe(false);
  });

  it("shows a participants-only record to confirmed participants (signed in or by their link) and staff, a public one to anyone", async () => {
    const participantUser = await createUser("PARTICIPANT");
    const { meeting, alpha, a1 } = await pastMeeting((id, agencyId) => registerPerson(id, agencyId, { userId: participantUser.id, person: { email: participantUser.email } }));
    const secretariat = await actor("SECRETARIAT");
    const stranger = await createUser("PARTICIPANT");
    const focal = await createUser("FOCAL_POINT", { agencyId: alpha.id });
    const as = (u: { id: string; role: Role; email: string; name: string; agencyId: string | null }): Actor => ({ id: u.id, role: u.role, agencyId: u.agencyId, name: u.name, email: u.email });
    const request = await requestAs(null, `/meetings/${meeting.slug}/summary`);
    const outcome = async (viewer: Parameters<typeof readSummary>[2]) => {
      try {
        await readSummary(request, meeting.slug, viewer);
        return "ok";
      } catch (e) {
        if (!(e instanceof Response)) throw e;
        return e.status === 302 ? `login:${e.headers.get("Location")}` : String(e.status);
      }
    };

    // Not published: 404 for everyone but staff.
    await changeSummary(secretariat, meeting.id, input({ body: "Draft text" }));
    expect(await outcome({ user: null })).toBe("404");
    expect(await outcome({ user: as(participantUser) })).toBe("404");
    expect(await outcome({ user: secretariat })).toBe("ok");

    await changeSummary(secretariat, meeting.id, input({ intent: "publish", body: "Final text", visibility: "PARTICIPANTS" }));
    expect(await outcome({ user: null })).toBe(`login:/login?redirectTo=${encodeURIComponent(`/meetings/${meeting.slug}/summary`)}`);
    expect(await outcome({ user: null, registrationToken: privateLinkToken(a1.id) })).toBe("ok");
    expect(await outcome({ user: null, registrationToken: "not-a-token" })).toMatch(/^login:/);
    expect(await outcome({ user: as(participantUser) })).toBe("ok");
    expect(await outcome({ user: as(stranger) })).toBe("403");
    expect(await outcome({ user: as(focal) })).toBe("403");
    expect(await outcome({ user: await actor("ORGANISER") })).toBe("ok");
    // A cancelled registration's link no longer opens it.
    await db.registration.update({ where: { id: a1.id }, data: { status: "CANCELLED" } });
    expect(await outcome({ user: null, registrationToken: privateLinkToken(a1.id) })).toMatch(/^login:/);

    await changeSummary(secretariat, meeting.id, input({ intent: "publish", body: "Final text", visibility: "PUBLIC" }));
    expect(await outcome({ user: null })).toBe("ok");
    expect(await outcome({ user: as(stranger) })).toBe("ok");
    const page = await readSummary(request, meeting.slug, { user: null });
    expect(page.rendered.parts[0]).toEqual({ kind: "html", html: "<p>Final text</p>\n" });
    await expect(requireReadableSummary(request, "no-such-meeting", { user: null })).rejects.toMatchObject({ status: 404 });
  });

  it("links the published summary record from the follow-up mail, in HTML and text", async () => {
    const { meeting } = await pastMeeting();
    const follow = followUpSchema(meeting.timeZone).parse({ subject: "Thanks", summary: "Thank you.", audience: "CONFIRMED" });
    const url = `/meetings/${meeting.slug}/summary`;
    const before = await previewFollowUp(meeting.id, follow, null);
    expect(before.text).not.toContain(url);
    await changeSummary(await actor("SECRETARIAT"), meeting.id, input({ intent: "publish", body: "Text" }));
    const after = await previewFollowUp(meeting.id, follow, null);
    expect(after.html).toContain(`${url}"`);
    expect(after.text).toContain(url);
  });
});
