import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "~/domain/documents/files.server";
import { createAgency, createUser, formAnswer, requestAs, responseStatus, routeArgs } from "~/test/factories";
import { actor, createRecommendationRow } from "~/test/factories.recommendations";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { action as linkAction } from "~/routes/progress.$token";
import { action as detailAction } from "~/routes/recommendations.$id._index";
import { acceptProgressUpdate, requestProgress, reviewQueue, submitProgressUpdate, submitViaProgressLink } from "./progress.server";
import { getRecommendationDetail } from "./recommendations.server";

// Evidence files on progress updates (docs/decisions/077-progress-evidence.md): stored with the update in
// one transaction, refused with a field error that leaves no file and an unused single-use link.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const pdf = (name = "report.pdf") => new File([PDF], name, { type: "application/pdf" });
/** Plain text named as a PDF: the name lies about the content. */
const forged = () => new File(["Not a PDF at all, just text.\n"], "forged.pdf", { type: "application/pdf" });

const fileCount = () => db.storedFile.count();

async function expectStatus(p: Promise<unknown>, status: number) {
  const thrown = await p.then(() => null, (e: unknown) => e);
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(status);
}

/** A recommendation led by a new agency, its focal point, and a single-use link sent to them. */
async function linkFixture(status: "ADOPTED" | "IN_PROGRESS" = "IN_PROGRESS") {
  const agency = await createAgency();
  const fp = await createUser("FOCAL_POINT", { agencyId: agency.id });
  const rec = await createRecommendationRow({ leadAgencyId: agency.id, status });
  const sec = await actor("SECRETARIAT");
  expect(await requestProgress(sec, rec.id)).toMatchObject({ ok: true });
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: fp.email, kind: "progress-request" }, orderBy: { createdAt: "desc" } });
  const token = /\/progress\/([\w-]+)/.exec(mail.text)![1];
  const linkUsed = async () => (await db.progressLink.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt !== null;
  return { agency, fp, rec, sec, token, linkUsed };
}

describe("evidence files on progress updates", () => {
  it("stores a signed-in focal point's file with the update, audits it, and shows it in the queue and on the recommendation", async () => {
    const agency = await createAgency();
    const fp = await actor("FOCAL_POINT", agency.id);
    const sec = await actor("SECRETARIAT");
    const rec = await createRecommendationRow({ leadAgencyId: agency.id, status: "IN_PROGRESS" });
    const r = await submitProgressUpdate(fp, rec.id, { text: "Training done", newProgress: 60, evidenceFile: pdf("Training report.pdf") });
    if (!r.ok) throw new Error(JSON.stringify(r));

    const u = await db.progressUpdate.findUniqueOrThrow({ where: { id: r.id }, include: { evidenceFile: { include: { content: true } } } });
    expect(u.evidenceFile).toMatchObject({ filename: "Training report.pdf", mimeType: "application/pdf", size: PDF.length, uploadedById: fp.id });
    expect(Buffer.from(u.evidenceFile!.content!.data).equals(PDF)).toBe(true);
    const entry = await db.auditLog.findFirstOrThrow({ where: { entity: "ProgressUpdate", entityId: r.id, action: "submit" } });
    expect(entry.after).toMatchObject({ text: "Training done", evidenceFile: { filename: "Training report.pdf", mimeType: "application/pdf", size: PDF.length } });

    const shown = { filename: "Training report.pdf", type: "PDF", size: PDF.length, href: `/files/${u.evidenceFile!.key}` };
    expect((await reviewQueue(sec, "en")).find((q) => q.id === r.id)?.evidenceFile).toEqual(shown);
    expect((await getRecommendationDetail(sec, rec.id, "en")).updates.find((q) => q.id === r.id)?.evidenceFile).toEqual(shown);
  });

  it("takes a file as the evidence for proposing to close, and names it in the closing evidence when accepted", async () => {
    const agency = await createAgency();
    const fp = await actor("FOCAL_POINT", agency.id);
    const sec = await actor("SECRETARIAT");
    const rec = await createRecommendationRow({ leadAgencyId: agency.id, status: "IN_PROGRESS" });
    expect(await submitProgressUpdate(fp, rec.id, { text: "All done", newStatus: "IMPLEMENTED" })).toMatchObject({ ok: false, fieldErrors: { evidenceUrl: ["recommendations:error.closeNeedsEvidence"] } });
    const r = await submitProgressUpdate(fp, rec.id, { text: "All done", newStatus: "IMPLEMENTED", evidenceFile: pdf("final.pdf") });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await acceptProgressUpdate(sec, r.id, "Checked")).toMatchObject({ ok: true });
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect([row.status, row.closingEvidence]).toEqual(["IMPLEMENTED", "evidence file “final.pdf” — Checked"]);
  });

  it("refuses a forged, an oversized or a refused report's file through the link: no file stored, the link still unused", async () => {
    const { fp, rec, token, linkUsed } = await linkFixture();
    const before = await fileCount();

    const lying = await submitViaProgressLink(token, { text: "See attached", evidenceFile: forged() });
    expect(lying).toMatchObject({ ok: false, fieldErrors: { evidenceFile: [expect.stringMatching(/named as a PDF but its content is a plain text file.*choose a file again/)] } });

    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], "big.pdf", { type: "application/pdf" });
    expect(await submitViaProgressLink(token, { text: "See attached", evidenceFile: big })).toMatchObject({ ok: false, fieldErrors: { evidenceFile: [expect.stringMatching(/a file may be at most/)] } });
    // A French reader gets the refusal in French, the file's name and the limit in it ("Mo").
    const french = await submitViaProgressLink(token, { text: "Voir la pièce jointe", evidenceFile: big }, "fr");
    expect(french).toMatchObject({ ok: false, fieldErrors: { evidenceFile: [expect.stringMatching(/big\.pdf.*Mo.*Rien n’a été envoyé/)] } });

    // A good file with a report that is refused for another reason is not kept either.
    expect(await submitViaProgressLink(token, { text: "Replace it", newStatus: "SUPERSEDED", evidenceFile: pdf() })).toMatchObject({ ok: false, fieldErrors: { newStatus: [expect.any(String)] } });

    expect(await fileCount()).toBe(before);
    expect(await db.progressUpdate.count({ where: { recommendationId: rec.id } })).toBe(0);
    expect(await linkUsed()).toBe(false);

    // The same link still takes the report, now with a real file.
    const ok = await submitViaProgressLink(token, { text: "See attached", evidenceFile: pdf("minutes.pdf") });
    if (!ok.ok || !("id" in ok)) throw new Error(JSON.stringify(ok));
    expect(await linkUsed()).toBe(true);
    expect(await fileCount()).toBe(before + 1);
    const u = await db.progressUpdate.findUniqueOrThrow({ where: { id: ok.id }, include: { evidenceFile: true } });
    expect(u.evidenceFile).toMatchObject({ filename: "minutes.pdf", uploadedById: fp.id });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entity: "ProgressUpdate", entityId: ok.id, action: "submit-by-link" } });
    expect(entry.after).toMatchObject({ evidenceFile: { filename: "minutes.pdf" } });
    // A used link stores nothing more.
    expect(await submitViaProgressLink(token, { text: "Again", evidenceFile: pdf() })).toMatchObject({ ok: false, reason: "recommendations:error.linkUsed" });
    expect(await fileCount()).toBe(before + 1);
  });

  it("refuses a focal point's file for another agency's recommendation before storing anything", async () => {
    const mine = await createAgency();
    const theirs = await createRecommendationRow({ leadAgencyId: (await createAgency()).id, status: "IN_PROGRESS" });
    const fp = await actor("FOCAL_POINT", mine.id);
    const before = await fileCount();
    await expectStatus(submitProgressUpdate(fp, theirs.id, { text: "sneaky", evidenceFile: pdf() }), 403);
    expect(await fileCount()).toBe(before);
    expect(await db.progressUpdate.count({ where: { recommendationId: theirs.id } })).toBe(0);
  });

  it("answers a forged file on the forms with 400, the field error and the typed text kept", async () => {
    const { token, linkUsed } = await linkFixture();
    const before = await fileCount();
    const body = new FormData();
    body.set("text", "Typed with care");
    body.set("evidenceFile", forged());
    const viaLink = linkAction(routeArgs(new Request(`http://convene.test/progress/${token}`, { method: "POST", body }), { token }));
    expect(await responseStatus(viaLink)).toBe(400);
    const answer = await formAnswer(viaLink);
    expect(answer.result.error.evidenceFile?.[0]).toMatch(/forged\.pdf.*choose a file again/);
    expect(answer.result.initialValue).toMatchObject({ text: "Typed with care" });
    expect(answer.unsentFile).toBe("forged.pdf");
    expect(await linkUsed()).toBe(false);

    const agency = await createAgency();
    const fp = await createUser("FOCAL_POINT", { agencyId: agency.id });
    const rec = await createRecommendationRow({ leadAgencyId: agency.id, status: "IN_PROGRESS" });
    body.set("intent", "progress");
    const signedIn = detailAction(routeArgs(await requestAs(fp.id, `/recommendations/${rec.id}`, { method: "POST", body }), { id: rec.id }));
    expect(await responseStatus(signedIn)).toBe(400);
    expect((await formAnswer(signedIn)).result.error.evidenceFile?.[0]).toMatch(/named as a PDF/);
    expect(await fileCount()).toBe(before);

    // An input left empty posts a nameless, empty part: that is no file, not an empty one.
    body.set("evidenceFile", new File([], ""));
    expect(await responseStatus(detailAction(routeArgs(await requestAs(fp.id, `/recommendations/${rec.id}`, { method: "POST", body }), { id: rec.id })))).toBe(302);
    expect(await db.progressUpdate.findFirstOrThrow({ where: { recommendationId: rec.id } })).toMatchObject({ text: "Typed with care", evidenceFileId: null });
  });
});
