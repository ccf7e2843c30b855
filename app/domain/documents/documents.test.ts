import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { anonymiseMeetingRegistrations } from "~/domain/registration/retention.server";
import type { DocumentVisibility } from "~/generated/prisma/enums.ts";
import { createAgency, createMeeting, createUser, requestAs, routeArgs } from "~/test/factories";
import { docxBytes, pdfBytes, upload } from "~/test/factories.documents";
import { actor } from "~/test/factories.recommendations";
import { loader as meetingLoader } from "~/routes/meetings.$slug._index";
import { loader as registrationLoader } from "~/routes/registrations.$token";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { createDocument, fileForViewer, meetingDocumentsZip, removeDocument, replaceDocumentFile, updateDocument, visibleDocuments, type Viewer } from "./documents.server";
import { MAX_FILE_BYTES } from "./files.server";

// A meeting's documents: versions, who sees what, refusals that leave nothing behind, retention.

const meta = (over: Partial<{ title: string; visibility: DocumentVisibility; agencyId: string; agendaItemId: string }> = {}) => ({
  title: over.title ?? "Background paper",
  type: "BACKGROUND_PAPER" as const,
  language: "en",
  visibility: over.visibility ?? ("PARTICIPANTS" as const),
  agencyId: over.agencyId,
  agendaItemId: over.agendaItemId,
});

const viewerOf = (user: { id: string; role: string; agencyId: string | null; name: string; email: string } | null, token?: string): Viewer => ({
  user: user as Viewer["user"],
  registrationTokenHash: token ? hashToken(token) : null,
});

async function registration(meetingId: string, over: { userId?: string | null; agencyId?: string | null; status?: "CONFIRMED" | "PENDING"; token?: string } = {}) {
  const email = `p-${Math.random().toString(36).slice(2)}@example.org`;
  return db.registration.create({
    data: {
      meetingId, userId: over.userId ?? null, agencyId: over.agencyId ?? null, name: "Participant", email, emailNormalised: email,
      status: over.status ?? "CONFIRMED", manageTokenHash: hashToken(over.token ?? email),
    },
  });
}

const storedCounts = async () => [await db.storedFile.count(), await db.storedFileContent.count(), await db.document.count(), await db.documentVersion.count()];

describe("documents and their versions", () => {
  it("adds a document, keeps earlier versions on replace, edits its details and removes it with its files", async () => {
    const meeting = await createMeeting();
    const organiser = await actor("ORGANISER");
    const created = await createDocument(organiser, meeting.id, meta(), upload(pdfBytes("v1"), "paper.pdf"));
    if (!created.ok) throw new Error("refused");
    const replaced = await replaceDocumentFile(organiser, meeting.id, created.id, upload(docxBytes(), "paper.docx"));
    expect(replaced).toMatchObject({ ok: true, version: 2 });
    const versions = await db.documentVersion.findMany({ where: { documentId: created.id }, orderBy: { version: "asc" }, select: { version: true, file: { select: { filename: true } } } });
    expect(versions).toEqual([{ version: 1, file: { filename: "paper.pdf" } }, { version: 2, file: { filename: "paper.docx" } }]);
    // The newest version is the one people get.
    const [shown] = await visibleDocuments({ meetingId: meeting.id }, viewerOf(null));
    expect(shown).toBeUndefined();
    const [forStaff] = await visibleDocuments({ meetingId: meeting.id }, viewerOf(organiser));
    expect(forStaff.filename).toBe("paper.docx");

    expect(await updateDocument(organiser, meeting.id, { ...meta({ title: "Renamed", visibility: "PUBLIC" }), documentId: created.id })).toMatchObject({ ok: true });
    expect((await visibleDocuments({ meetingId: meeting.id }, viewerOf(null))).map((d) => d.title)).toEqual(["Renamed"]);
    const log = await db.auditLog.findMany({ where: { entity: "Document", entityId: created.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(log.map((l) => l.action)).toEqual(["upload", "replace", "update"]);

    const before = await storedCounts();
    expect(await removeDocument(organiser, meeting.id, created.id)).toMatchObject({ ok: true, title: "Renamed" });
    expect(await storedCounts()).toEqual([before[0] - 2, before[1] - 2, before[2] - 1, before[3] - 2]);
  });

  it("leaves nothing stored when an upload or its details are refused", async () => {
    const meeting = await createMeeting();
    const other = await createMeeting();
    const otherItem = await db.agendaItem.create({ data: { meetingId: other.id, kind: "PLENARY", title: "Elsewhere", startsAt: other.startsAt, endsAt: other.endsAt } });
    const organiser = await actor("ORGANISER");
    const before = await storedCounts();
    const refused = [
      await createDocument(organiser, meeting.id, meta(), upload("", "empty.pdf")),
      await createDocument(organiser, meeting.id, meta(), upload(Buffer.concat([pdfBytes(), Buffer.alloc(MAX_FILE_BYTES)]), "huge.pdf")),
      await createDocument(organiser, meeting.id, meta(), upload(pdfBytes(), "slides.pptx")),
      // The file is fine; the agenda item belongs to another meeting: the stored file is rolled back too.
      await createDocument(organiser, meeting.id, meta({ agendaItemId: otherItem.id }), upload(pdfBytes(), "fine.pdf")),
      await createDocument(organiser, meeting.id, meta({ visibility: "DELEGATION" }), upload(pdfBytes(), "fine.pdf")),
    ];
    expect(refused.map((r) => (r.ok ? "ok" : Object.keys(r.fieldErrors ?? {})[0]))).toEqual(["file", "file", "file", "agendaItemId", "agencyId"]);
    expect(await storedCounts()).toEqual(before);
  });
});

describe("who may see a document", () => {
  it("follows the audience: public, participants, one delegation, staff; drafts for staff only", async () => {
    const meeting = await createMeeting();
    const [agencyA, agencyB] = [await createAgency(), await createAgency()];
    const organiser = await actor("ORGANISER");
    for (const [title, visibility] of [["public", "PUBLIC"], ["participants", "PARTICIPANTS"], ["delegation", "DELEGATION"], ["staff", "STAFF"]] as const) {
      const r = await createDocument(organiser, meeting.id, meta({ title, visibility, agencyId: visibility === "DELEGATION" ? agencyA.id : undefined }), upload(pdfBytes(title), `${title}.pdf`));
      expect(r.ok).toBe(true);
    }
    const participant = await actor("PARTICIPANT");
    await registration(meeting.id, { userId: participant.id, agencyId: agencyB.id });
    const delegate = await actor("PARTICIPANT");
    await registration(meeting.id, { userId: delegate.id, agencyId: agencyA.id });
    const pending = await actor("PARTICIPANT");
    await registration(meeting.id, { userId: pending.id, agencyId: agencyA.id, status: "PENDING" });
    await registration(meeting.id, { agencyId: agencyA.id, token: "link-token-of-a-delegate" });
    // Registered under their address before they had an account: signing in proves the address.
    const byAddress = await actor("PARTICIPANT");
    await db.registration.create({
      data: { meetingId: meeting.id, agencyId: agencyB.id, name: "By address", email: byAddress.email, emailNormalised: byAddress.email.toLowerCase(), status: "CONFIRMED", manageTokenHash: hashToken(`by-${byAddress.id}`) },
    });
    const focalA = await actor("FOCAL_POINT", agencyA.id);
    const focalB = await actor("FOCAL_POINT", agencyB.id);
    const secretariat = await actor("SECRETARIAT");
    const stranger = await actor("PARTICIPANT");

    const sees = async (v: Viewer) => (await visibleDocuments({ meetingId: meeting.id }, v)).map((d) => d.title).sort();
    expect(await sees(viewerOf(null))).toEqual(["public"]);
    expect(await sees(viewerOf(stranger))).toEqual(["public"]);
    expect(await sees(viewerOf(pending))).toEqual(["public"]);
    expect(await sees(viewerOf(participant))).toEqual(["participants", "public"]);
    expect(await sees(viewerOf(byAddress))).toEqual(["participants", "public"]);
    expect(await sees(viewerOf(delegate))).toEqual(["delegation", "participants", "public"]);
    expect(await sees(viewerOf(null, "link-token-of-a-delegate"))).toEqual(["delegation", "participants", "public"]);
    expect(await sees(viewerOf(null, "a-guessed-token"))).toEqual(["public"]);
    expect(await sees(viewerOf(focalA))).toEqual(["delegation", "public"]);
    expect(await sees(viewerOf(focalB))).toEqual(["public"]);
    expect(await sees(viewerOf(secretariat))).toEqual(["delegation", "participants", "public", "staff"]);
    expect(await sees(viewerOf(organiser))).toEqual(["delegation", "participants", "public", "staff"]);

    await db.meeting.update({ where: { id: meeting.id }, data: { status: "DRAFT" } });
    expect(await sees(viewerOf(delegate))).toEqual([]);
    expect(await sees(viewerOf(null))).toEqual([]);
    expect(await sees(viewerOf(secretariat))).toHaveLength(4);
  });

  it("serves the newest version to whoever may see the document, earlier versions and evidence by their own rules", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const organiser = await actor("ORGANISER");
    const created = await createDocument(organiser, meeting.id, meta(), upload(pdfBytes("first"), "paper.pdf"));
    if (!created.ok) throw new Error("refused");
    await replaceDocumentFile(organiser, meeting.id, created.id, upload(pdfBytes("second"), "paper-v2.pdf"));
    const [v1, v2] = await db.documentVersion.findMany({ where: { documentId: created.id }, orderBy: { version: "asc" }, select: { file: { select: { key: true } } } });
    const participant = await actor("PARTICIPANT");
    await registration(meeting.id, { userId: participant.id });

    const got = await fileForViewer(v2.file.key, viewerOf(participant));
    expect(got?.file.filename).toBe("paper-v2.pdf");
    expect(got?.bytes.toString("latin1")).toContain("second");
    expect(await fileForViewer(v1.file.key, viewerOf(participant))).toBeNull();
    expect((await fileForViewer(v1.file.key, viewerOf(organiser)))?.bytes.toString("latin1")).toContain("first");
    expect(await fileForViewer(v2.file.key, viewerOf(null))).toBeNull();
    expect(await fileForViewer("no-such-key", viewerOf(organiser))).toBeNull();

    // Evidence of a progress update: staff who manage recommendations, and reporters of the update's agency.
    const evidence = await db.storedFile.create({ data: { filename: "evidence.txt", mimeType: "text/plain; charset=utf-8", size: 4, sha256: "x", key: `ev-${created.id}`, content: { create: { data: new Uint8Array(Buffer.from("done")) } } } });
    const rec = await db.recommendation.findFirst({ select: { id: true } });
    const recommendationId = rec?.id ?? (await import("~/test/factories.recommendations").then((f) => f.createRecommendationRow())).id;
    await db.progressUpdate.create({ data: { recommendationId, authorName: "Focal", agencyId: agency.id, text: "Done", evidenceFileId: evidence.id } });
    expect((await fileForViewer(evidence.key, viewerOf(await actor("SECRETARIAT"))))?.bytes.toString()).toBe("done");
    expect((await fileForViewer(evidence.key, viewerOf(await actor("FOCAL_POINT", agency.id))))?.bytes.toString()).toBe("done");
    expect(await fileForViewer(evidence.key, viewerOf(await actor("FOCAL_POINT", (await createAgency()).id)))).toBeNull();
    expect(await fileForViewer(evidence.key, viewerOf(participant))).toBeNull();
  });

  it("puts only public documents on the anonymous meeting page, and the visible ones in the ZIP under unique names", async () => {
    const meeting = await createMeeting();
    const organiser = await actor("ORGANISER");
    await createDocument(organiser, meeting.id, meta({ title: "Agenda", visibility: "PUBLIC" }), upload(pdfBytes("a"), "paper.pdf"));
    await createDocument(organiser, meeting.id, meta({ title: "Paper", visibility: "PUBLIC" }), upload(pdfBytes("b"), "paper.pdf"));
    await createDocument(organiser, meeting.id, meta({ title: "Secret", visibility: "PARTICIPANTS" }), upload(pdfBytes("c"), "secret.pdf"));
    const page = (await meetingLoader(routeArgs(await requestAs(null, `/meetings/${meeting.slug}`), { slug: meeting.slug }))) as { documents: { title: string }[] };
    expect(page.documents.map((d) => d.title)).toEqual(["Agenda", "Paper"]);

    const anonymousZip = await meetingDocumentsZip(meeting.slug, viewerOf(null));
    expect(anonymousZip?.names).toEqual(["paper.pdf", "paper (2).pdf"]);
    const entries = unzipSync(new Uint8Array(await new Response(anonymousZip!.zip).arrayBuffer()));
    expect(Object.keys(entries)).toEqual(["paper.pdf", "paper (2).pdf"]);
    expect(Buffer.from(entries["paper (2).pdf"]).toString("latin1")).toContain("% b");
    expect((await meetingDocumentsZip(meeting.slug, viewerOf(organiser)))?.names).toHaveLength(3);
    expect(await meetingDocumentsZip((await createMeeting()).slug, viewerOf(organiser))).toBeNull();
  });

  it("streams the ZIP, reading each file from the database only when the reader has taken the ones before", async () => {
    const meeting = await createMeeting();
    const organiser = await actor("ORGANISER");
    for (const [title, name] of [["One", "one.pdf"], ["Two", "two.pdf"], ["Three", "three.pdf"]]) {
      await createDocument(organiser, meeting.id, meta({ title, visibility: "PUBLIC" }), upload(pdfBytes(title), name));
    }
    const archive = await meetingDocumentsZip(meeting.slug, viewerOf(null));
    expect(archive?.names).toHaveLength(3);
    const reader = archive!.zip.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    if (first.value) chunks.push(first.value);
    // The last file's content goes away after the download started: a ZIP built whole at the start still has it.
    const last = (await visibleDocuments({ meetingId: meeting.id }, viewerOf(null))).find((d) => d.filename === archive!.names[2])!;
    await db.storedFileContent.delete({ where: { fileId: last.fileId } });
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    const entries = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(Object.keys(entries)).toEqual(archive!.names.slice(0, 2));
    const title = (name: string) => name[0].toUpperCase() + name.slice(1, -4);
    for (const name of archive!.names.slice(0, 2)) expect(Buffer.from(entries[name]).toString("latin1")).toContain(`% ${title(name)}`);
  });

  it("lists on the private registration page the documents its link opens, each download carrying the token", async () => {
    const meeting = await createMeeting();
    const organiser = await actor("ORGANISER");
    await createDocument(organiser, meeting.id, meta({ title: "For participants", visibility: "PARTICIPANTS" }), upload(pdfBytes("p"), "paper.pdf"));
    await createDocument(organiser, meeting.id, meta({ title: "Staff notes", visibility: "STAFF" }), upload(pdfBytes("s"), "notes.pdf"));
    await registration(meeting.id, { token: "link-confirmed" });
    await registration(meeting.id, { token: "link-pending", status: "PENDING" });
    const page = async (token: string) =>
      ((await registrationLoader(routeArgs(await requestAs(null, `/registrations/${token}`), { token }))) as { documents: { title: string; details: string }[] }).documents;
    const shown = await page("link-confirmed");
    expect(shown.map((d) => d.title)).toEqual(["For participants"]);
    expect(shown[0].details).toMatch(/^Background paper, English, \d+ KB$/);
    expect(await page("link-pending")).toEqual([]);
  });
});

describe("retention", () => {
  it("deletes one delegation's documents with the registrations; the meeting's other documents stay, for their audience", async () => {
    const meeting = await createMeeting({ startsAt: new Date("2020-03-01T08:00:00Z") });
    const agency = await createAgency();
    const organiser = await actor("ORGANISER");
    await createDocument(organiser, meeting.id, meta({ title: "For the delegation", visibility: "DELEGATION", agencyId: agency.id }), upload(pdfBytes(), "brief.pdf"));
    await createDocument(organiser, meeting.id, meta({ title: "For participants" }), upload(pdfBytes(), "paper.pdf"));
    const delegate = await createUser("PARTICIPANT", { agencyId: agency.id });
    await registration(meeting.id, { userId: delegate.id, agencyId: agency.id });
    const files = await db.storedFile.count();

    await anonymiseMeetingRegistrations(meeting.id);
    expect((await visibleDocuments({ meetingId: meeting.id }, viewerOf(organiser))).map((d) => d.title)).toEqual(["For participants"]);
    expect(await db.storedFile.count()).toBe(files - 1);
    // The anonymised registration no longer opens the participants' documents.
    expect(await visibleDocuments({ meetingId: meeting.id }, viewerOf({ ...delegate, role: "PARTICIPANT" }))).toEqual([]);
  });
});
