import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { audit } from "~/domain/audit/audit.server";
import { agencyScope, can } from "~/domain/auth/permissions";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { getUser } from "~/domain/auth/session.server";
import { normaliseEmail } from "~/domain/mail/unsubscribe.server";
import { invalidatePublicPages } from "~/domain/meetings/public-cache.server";
import { Prisma } from "~/generated/prisma/client.ts";
import type { DocumentType } from "~/generated/prisma/enums.ts";
import { db, type Tx } from "~/utils/db.server";
import { Refused, fieldRefusal, formRefusal, type Outcome } from "~/utils/forms.server";
import { key } from "~/i18n/translate";
import { hashToken } from "~/utils/tokens.server";
import { MAX_FILE_BYTES, checkUpload, readFileBytes, storeFile, type CheckedUpload } from "./files.server";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { DOCUMENT_TYPES, formatFileSize } from "./labels";
import type { DocumentMetadata } from "./documents.schema";
import { localized } from "~/domain/content/localized";
import { languageName } from "~/i18n/language-names.server";

// A meeting's documents (docs/decisions/076-documents.md): metadata in Document, each uploaded file a
// DocumentVersion (1, 2, ...; the newest is the one people see, earlier ones only staff). Who may see a
// document is decided in one place, visibleDocuments below, which every page, download and ZIP uses.

// ---------------------------------------------------------------- who may see what

/**
 * The person asking: the signed-in user, and/or the holder of a registration's private link (the
 * `r` query parameter of a download carries its token; only the token's hash is compared).
 */
export type Viewer = { user: Actor | null; registrationTokenHash: string | null };

/** The viewer of a request: its session, and the private registration link token in `?r=` if any. */
export async function documentViewer(request: Request, context?: object): Promise<Viewer> {
  const token = new URL(request.url).searchParams.get("r");
  const user = await getUser(request, context);
  return { user, registrationTokenHash: token && token.length <= 200 ? hashToken(token) : null };
}

/** Staff see every document of every meeting, drafts included. */
const isStaff = (viewer: Viewer) => can(viewer.user, "documents:manage");

/** Which documents: of a meeting (by id or web address), or one document. */
type Scope = { meetingId: string } | { meetingSlug: string } | { documentId: string };

export type VisibleDocument = {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  title: string;
  type: DocumentType;
  language: string;
  key: string;
  filename: string;
  mimeType: string;
  size: number;
  fileId: string;
  /** the language of the title: its meeting's (decision 080) */
  meetingLanguage: string;
};

/**
 * The documents the viewer may see, each with its newest version's file, in one statement:
 * - draft meetings: staff only;
 * - PUBLIC: anyone who may see the meeting page;
 * - PARTICIPANTS: a confirmed registration of the meeting, of the signed-in account (or its address) or of the private link held;
 * - DELEGATION: such a registration for the document's agency, or that agency's focal point;
 * - STAFF: staff only (documents:manage), who see everything.
 */
export async function visibleDocuments(scope: Scope, viewer: Viewer): Promise<VisibleDocument[]> {
  const staff = isStaff(viewer);
  const where: Prisma.Sql[] = [
    "documentId" in scope ? Prisma.sql`d."id" = ${scope.documentId}` : "meetingId" in scope ? Prisma.sql`d."meetingId" = ${scope.meetingId}` : Prisma.sql`m."slug" = ${scope.meetingSlug}`,
  ];
  if (!staff) {
    where.push(Prisma.sql`CAST(m."status" AS TEXT) <> 'DRAFT'`);
    const holder: Prisma.Sql[] = [];
    // A registration under the signed-in address counts too: signing in proves the address, and its
    // private link can be mailed there anyway.
    if (viewer.user) holder.push(Prisma.sql`r."userId" = ${viewer.user.id}`, Prisma.sql`r."emailNormalised" = ${normaliseEmail(viewer.user.email)}`);
    if (viewer.registrationTokenHash) holder.push(Prisma.sql`r."manageTokenHash" = ${viewer.registrationTokenHash}`);
    const registered = (sameAgency: boolean) =>
      holder.length
        ? Prisma.sql`EXISTS (SELECT 1 FROM "Registration" r WHERE r."meetingId" = d."meetingId" AND CAST(r."status" AS TEXT) = 'CONFIRMED'
            ${sameAgency ? Prisma.sql`AND r."agencyId" = d."agencyId"` : Prisma.empty} AND (${Prisma.join(holder, " OR ")}))`
        : Prisma.sql`1 = 0`;
    const focalAgency = agencyScope(viewer.user, "delegation:manage")?.agencyId ?? null;
    where.push(Prisma.sql`(CAST(d."visibility" AS TEXT) = 'PUBLIC'
      OR (CAST(d."visibility" AS TEXT) = 'PARTICIPANTS' AND ${registered(false)})
      OR (CAST(d."visibility" AS TEXT) = 'DELEGATION' AND (${focalAgency ? Prisma.sql`d."agencyId" = ${focalAgency} OR ` : Prisma.empty}${registered(true)})))`);
  }
  const rows = await db.$queryRaw<(Omit<VisibleDocument, "size"> & { size: number | bigint })[]>`
    SELECT d."id", d."meetingId", d."agendaItemId", d."title", d."type", d."language",
           f."key", f."filename", f."mimeType", f."size", f."id" AS "fileId", m."language" AS "meetingLanguage"
    FROM "Document" d
    JOIN "Meeting" m ON m."id" = d."meetingId"
    JOIN "DocumentVersion" v ON v."documentId" = d."id"
      AND v."version" = (SELECT MAX(v2."version") FROM "DocumentVersion" v2 WHERE v2."documentId" = d."id")
    JOIN "StoredFile" f ON f."id" = v."fileId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY d."position" ASC, d."title" ASC, d."id" ASC`;
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

/**
 * What the meeting and agenda pages show of a document: no ids but the agenda item's, the link's key, and
 * its labels made here so the page's browser bundle carries no label tables (issue 10's JS budget).
 */
export type PageDocument = { title: string; typeLabel: string; typeRank: number; details: string; key: string; agendaItemId: string | null; lang?: Language };

export async function meetingPageDocuments(meetingSlug: string, viewer: Viewer, language: Language = DEFAULT_LANGUAGE): Promise<PageDocument[]> {
  const rows = await withTranslatedTitles(await visibleDocuments({ meetingSlug }, viewer), language);
  const t = tFor(language);
  return rows.map((d) => ({
    title: d.title,
    lang: d.lang,
    typeLabel: t(`common:documentType.${d.type}`),
    typeRank: DOCUMENT_TYPES.indexOf(d.type),
    details: `${t(`common:documentType.${d.type}`)}, ${languageName(d.language, language)}, ${formatFileSize(d.size, language)}`,
    key: d.key,
    agendaItemId: d.agendaItemId,
  }));
}

/** Titles in the reader's language (decision 080), each with the language it is in; unchanged without a language. */
async function withTranslatedTitles(rows: VisibleDocument[], language: Language | undefined): Promise<(VisibleDocument & { lang?: Language })[]> {
  if (!language || !rows.length) return rows;
  const translations = await db.documentTranslation.findMany({
    where: { documentId: { in: rows.map((d) => d.id) }, language },
    select: { documentId: true, language: true, title: true },
  });
  const byDocument = new Map(translations.map((t) => [t.documentId, t]));
  return rows.map((d) => {
    const t = byDocument.get(d.id);
    const l = localized({ title: d.title, translations: t ? [t] : [] }, "title", language, d.meetingLanguage);
    return { ...d, title: l.text, lang: l.lang };
  });
}

// ---------------------------------------------------------------- downloads

export type Download = { file: { filename: string; mimeType: string }; bytes: Buffer };

/**
 * The file behind a download link, if the viewer may have it: the newest version of a document they may
 * see (earlier versions: staff only), or a progress update's evidence (staff who manage recommendations,
 * or someone who reports progress for the update's agency). Null otherwise, whether or not it exists.
 */
export async function fileForViewer(key: string, viewer: Viewer): Promise<Download | null> {
  if (!key || key.length > 100) return null;
  const file = await db.storedFile.findUnique({
    where: { key },
    select: {
      id: true,
      filename: true,
      mimeType: true,
      documentVersion: { select: { documentId: true } },
      progressUpdates: { select: { agencyId: true } },
    },
  });
  if (!file) return null;
  let allowed = false;
  if (file.documentVersion) {
    const [doc] = await visibleDocuments({ documentId: file.documentVersion.documentId }, viewer);
    allowed = !!doc && (doc.fileId === file.id || isStaff(viewer));
  }
  if (!allowed && file.progressUpdates.length) {
    allowed = file.progressUpdates.some(
      (u) => can(viewer.user, "recommendations:manage") || (!!u.agencyId && can(viewer.user, "recommendations:progress", { agencyId: u.agencyId })),
    );
  }
  if (!allowed) return null;
  const bytes = await readFileBytes(file.id);
  return bytes ? { file, bytes } : null;
}

/** A name inside the ZIP that no earlier entry has: "paper.pdf", "paper (2).pdf" ... */
function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf(".");
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base} (${i})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Types already compressed (PDF, images, Office and OpenDocument files are ZIPs): stored as they are. */
const compressible = (mimeType: string) => mimeType.startsWith("text/");

/**
 * Every document of the meeting the viewer may see, newest versions, as one ZIP; null when there are none.
 * `names` are the entries' names, in order (a file whose content is gone when its turn comes is left out of
 * the ZIP, though named here). The ZIP is a stream: each file is read from the database when the
 * reader has taken the previous one, so a download holds about one file in memory, not all of them and the
 * archive besides (six downloads of a 120 MB set at once peaked at 1.3 GB when it was built whole;
 * docs/decisions/091-heap-limits.md).
 */
export async function meetingDocumentsZip(meetingSlug: string, viewer: Viewer): Promise<{ zip: ReadableStream<Uint8Array>; names: string[] } | null> {
  const docs = await visibleDocuments({ meetingSlug }, viewer);
  if (!docs.length) return null;
  const taken = new Set<string>();
  const files = docs.map((d) => ({ name: uniqueName(d.filename, taken), fileId: d.fileId, compress: compressible(d.mimeType) }));
  return { zip: zipStream(files), names: files.map((f) => f.name) };
}

/** A ZIP of stored files, read one at a time as the stream is pulled (fflate's streaming `Zip`). */
function zipStream(files: { name: string; fileId: string; compress: boolean }[]): ReadableStream<Uint8Array> {
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      for (;;) {
        if (next >= files.length) return zip.end();
        const file = files[next++];
        const bytes = await readFileBytes(file.fileId);
        if (!bytes) continue;
        const entry = file.compress ? new ZipDeflate(file.name, { level: 6 }) : new ZipPassThrough(file.name);
        zip.add(entry);
        entry.push(bytes, true);
        return;
      }
    },
  });
}

// ---------------------------------------------------------------- staff

/** A meeting's documents for its Documents page: every document, every version, newest first. */
export async function listMeetingDocuments(actor: Actor, meetingId: string) {
  assertCan(actor, "documents:manage");
  return db.document.findMany({
    where: { meetingId },
    orderBy: [{ position: "asc" }, { title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      type: true,
      language: true,
      visibility: true,
      agencyId: true,
      agendaItemId: true,
      agency: { select: { acronym: true } },
      agendaItem: { select: { title: true } },
      versions: {
        orderBy: { version: "desc" },
        select: { version: true, createdAt: true, file: { select: { key: true, filename: true, size: true, mimeType: true, uploadedBy: { select: { name: true } } } } },
      },
    },
  });
}

/** The agenda items a document may be attached to, in agenda order. */
export async function agendaItemOptions(meetingId: string) {
  const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: [{ startsAt: "asc" }, { position: "asc" }], select: { id: true, title: true } });
  return items.map((i) => ({ value: i.id, label: i.title }));
}

/** The metadata's references must hold: an agenda item of this meeting, an agency for a delegation's document. */
async function checkReferences(tx: Tx, meetingId: string, input: DocumentMetadata) {
  if (input.agendaItemId) {
    const item = await tx.agendaItem.findFirst({ where: { id: input.agendaItemId, meetingId }, select: { id: true } });
    if (!item) throw new Refused(fieldRefusal("agendaItemId", key("admin:documents.error.agendaItem")));
  }
  if (input.visibility === "DELEGATION") {
    if (!input.agencyId) throw new Refused(fieldRefusal("agencyId", key("admin:documents.error.agency")));
    if (!(await tx.agency.findUnique({ where: { id: input.agencyId }, select: { id: true } }))) throw new Refused(fieldRefusal("agencyId", key("admin:error.agency")));
  }
}

const metadataOf = (input: DocumentMetadata) => ({
  title: input.title,
  type: input.type,
  language: input.language,
  visibility: input.visibility,
  agencyId: input.visibility === "DELEGATION" ? (input.agencyId ?? null) : null,
  agendaItemId: input.agendaItemId || null,
});

/** Runs a write; a Refused thrown inside rolls everything back (the stored file too) and becomes the answer. */
async function refusable<T extends object>(work: (tx: Tx) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    const result = await db.$transaction(work);
    if (result.ok) await invalidatePublicPages();
    return result;
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}

/**
 * Adds a document with its first version. The file is checked first; the file, the document and its
 * version are written in one transaction, so a refusal at any step leaves nothing stored.
 */
export async function createDocument(actor: Actor, meetingId: string, input: DocumentMetadata, upload: FormDataEntryValue | null, language: Language = "en"): Promise<Outcome<{ id: string }>> {
  assertCan(actor, "documents:manage");
  const checked = await checkUpload(upload, MAX_FILE_BYTES, language);
  if (!checked.ok) return fieldRefusal("file", checked.message);
  return refusable<{ id: string }>(async (tx) => {
    if (!(await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true } }))) return formRefusal(key("admin:error.meetingGone"));
    await checkReferences(tx, meetingId, input);
    const file = await storeFile(tx, checked.file, actor.id);
    const data = metadataOf(input);
    const doc = await tx.document.create({ data: { meetingId, ...data, versions: { create: { version: 1, fileId: file.id } } }, select: { id: true } });
    await audit(tx, { userId: actor.id, entity: "Document", entityId: doc.id, meetingId, action: "upload", after: { ...data, filename: file.filename, size: file.size } });
    return { ok: true, id: doc.id };
  });
}

async function documentOf(tx: Tx, meetingId: string, documentId: string | undefined) {
  const doc = documentId ? await tx.document.findFirst({ where: { id: documentId, meetingId }, select: { id: true, title: true, type: true, language: true, visibility: true, agencyId: true, agendaItemId: true } }) : null;
  if (!doc) throw new Refused(formRefusal(key("admin:documents.error.gone")));
  return doc;
}

/** Changes a document's title, type, language, audience or agenda item. */
export async function updateDocument(actor: Actor, meetingId: string, input: DocumentMetadata): Promise<Outcome<{ id: string }>> {
  assertCan(actor, "documents:manage");
  return refusable(async (tx) => {
    const before = await documentOf(tx, meetingId, input.documentId);
    await checkReferences(tx, meetingId, input);
    const data = metadataOf(input);
    await tx.document.update({ where: { id: before.id }, data });
    const { id: _id, ...b } = before;
    await audit(tx, { userId: actor.id, entity: "Document", entityId: before.id, meetingId, action: "update", before: b, after: data });
    return { ok: true, id: before.id };
  });
}

/** Uploads a new version of a document; the earlier versions stay (staff can still download them). */
/** Stores a checked file as the next version of a document (the summary record publishes through this too). */
export async function addDocumentVersion(tx: Tx, documentId: string, upload: CheckedUpload, uploadedById: string | null) {
  const last = await tx.documentVersion.findFirst({ where: { documentId }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (last?.version ?? 0) + 1;
  const file = await storeFile(tx, upload, uploadedById);
  await tx.documentVersion.create({ data: { documentId, version, fileId: file.id } });
  return { version, file };
}

export async function replaceDocumentFile(
  actor: Actor,
  meetingId: string,
  documentId: string,
  upload: FormDataEntryValue | null,
  language: Language = "en",
): Promise<Outcome<{ id: string; version: number }>> {
  assertCan(actor, "documents:manage");
  const checked = await checkUpload(upload, MAX_FILE_BYTES, language);
  if (!checked.ok) return fieldRefusal("file", checked.message);
  return refusable(async (tx) => {
    const doc = await documentOf(tx, meetingId, documentId);
    const { version, file } = await addDocumentVersion(tx, doc.id, checked.file, actor.id);
    await tx.document.update({ where: { id: doc.id }, data: { updatedAt: new Date() } });
    await audit(tx, { userId: actor.id, entity: "Document", entityId: doc.id, meetingId, action: "replace", after: { title: doc.title, version, filename: file.filename, size: file.size } });
    return { ok: true, id: doc.id, version };
  });
}

/** Deletes a document, its versions and their files. */
export async function removeDocument(actor: Actor, meetingId: string, documentId: string): Promise<Outcome<{ title: string }>> {
  assertCan(actor, "documents:manage");
  return refusable(async (tx) => {
    const doc = await documentOf(tx, meetingId, documentId);
    await deleteDocuments(tx, [doc.id]);
    await audit(tx, { userId: actor.id, entity: "Document", entityId: doc.id, meetingId, action: "remove", before: { title: doc.title, type: doc.type, visibility: doc.visibility } });
    return { ok: true, title: doc.title };
  });
}

/** Deletes documents with their versions and the versions' stored files (bytes included). */
async function deleteDocuments(tx: Tx, documentIds: string[]): Promise<void> {
  if (!documentIds.length) return;
  const versions = await tx.documentVersion.findMany({ where: { documentId: { in: documentIds } }, select: { fileId: true } });
  await tx.document.deleteMany({ where: { id: { in: documentIds } } });
  await tx.storedFile.deleteMany({ where: { id: { in: versions.map((v) => v.fileId) } } });
}

/**
 * Retention (decision 076): when a meeting's registrations are anonymised, the documents written for one
 * agency's delegation go with them; the meeting's other documents are its record and stay.
 */
export async function deleteDelegationDocuments(tx: Tx, meetingId: string): Promise<number> {
  const docs = await tx.document.findMany({ where: { meetingId, visibility: "DELEGATION" }, select: { id: true } });
  await deleteDocuments(tx, docs.map((d) => d.id));
  return docs.length;
}
