import { createHash, randomBytes } from "node:crypto";
import contentDisposition from "content-disposition";
import { fileTypeFromBuffer } from "file-type";
import { db, type Tx } from "~/utils/db.server";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { formatFileSize } from "./labels";

// Uploaded files (docs/decisions/076-documents.md): checked on their content, never on their name, and
// stored in the database (StoredFile + StoredFileContent), the one store every instance already shares.
// Documents, progress evidence and the published summary record all keep their files here.

const MB = 1024 * 1024;
/** The largest file accepted, in bytes (DOCUMENT_MAX_MB, default 20). */
export const MAX_FILE_BYTES = Math.max(1, Number(process.env.DOCUMENT_MAX_MB) || 20) * MB;

type KindName = "pdf" | "docx" | "xlsx" | "pptx" | "odt" | "ods" | "odp" | "png" | "jpeg" | "gif" | "webp" | "text" | "doc" | "xls" | "ppt";
/** `name` is the kind's label, `admin:upload.kind.<name>` ("PDF"), and with its article `admin:upload.aKind.<name>` ("a PDF"). */
type Kind = { mime: string; name: KindName; exts: string[] };

/** The types Convene accepts, by the media type found in the content. */
const KINDS: Kind[] = [
  { mime: "application/pdf", name: "pdf", exts: ["pdf"] },
  { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name: "docx", exts: ["docx"] },
  { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: "xlsx", exts: ["xlsx"] },
  { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", name: "pptx", exts: ["pptx"] },
  { mime: "application/vnd.oasis.opendocument.text", name: "odt", exts: ["odt"] },
  { mime: "application/vnd.oasis.opendocument.spreadsheet", name: "ods", exts: ["ods"] },
  { mime: "application/vnd.oasis.opendocument.presentation", name: "odp", exts: ["odp"] },
  { mime: "image/png", name: "png", exts: ["png"] },
  { mime: "image/jpeg", name: "jpeg", exts: ["jpg", "jpeg"] },
  { mime: "image/gif", name: "gif", exts: ["gif"] },
  { mime: "image/webp", name: "webp", exts: ["webp"] },
  { mime: "text/plain", name: "text", exts: ["txt", "text", "md", "csv"] },
];

/** Word 97–2003, Excel 97–2003 and PowerPoint 97–2003 share one container (CFB); the name says which. */
const LEGACY_OFFICE: Record<string, Kind> = {
  doc: { mime: "application/msword", name: "doc", exts: ["doc"] },
  xls: { mime: "application/vnd.ms-excel", name: "xls", exts: ["xls"] },
  ppt: { mime: "application/vnd.ms-powerpoint", name: "ppt", exts: ["ppt"] },
};

/** What the upload forms say is accepted (also the `accept` attribute's extensions). */
export const ACCEPTED_EXTENSIONS = [...KINDS.flatMap((k) => k.exts), ...Object.keys(LEGACY_OFFICE)];
/** "PDF, Word, Excel, …": the accepted types in words. */
export function acceptedDescription(language: Language = "en"): string {
  const t = tFor(language);
  return t("admin:upload.accepted");
}

/** "PDF", "Word document": the kind of a stored file by its media type, for lists that show files. */
export function fileTypeLabel(mimeType: string, language: Language = "en"): string {
  const mime = mimeType.split(";")[0];
  const kind = [...KINDS, ...Object.values(LEGACY_OFFICE)].find((k) => k.mime === mime);
  const t = tFor(language);
  return kind ? t(`admin:upload.kind.${kind.name}`) : t("admin:upload.kind.file");
}

/** Media types a browser may show in the page instead of downloading. */
const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);

export type CheckedUpload = { bytes: Buffer; filename: string; mimeType: string; size: number };
export type UploadCheck = { ok: true; file: CheckedUpload } | { ok: false; message: string };

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
};

/** A file name safe to keep and to send back: no path, no control characters, at most 150 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").replace(/\s+/g, " ").trim();
  if (cleaned.length <= 150) return cleaned || "file";
  const ext = extensionOf(cleaned);
  return ext && ext.length < 10 ? `${cleaned.slice(0, 149 - ext.length)}.${ext}` : cleaned.slice(0, 150);
}

/** Text is accepted as plain text when it is UTF-8 without control characters other than tab and line ends. */
function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * Checks a form's file field: present, not empty, within MAX_FILE_BYTES, of an accepted type found in its
 * content, and named with an extension of that type. Every refusal is a sentence for the form, in
 * `language` (the reader's), naming the file and, when it is too large, its size and the limit.
 */
export async function checkUpload(entry: FormDataEntryValue | null, maxBytes = MAX_FILE_BYTES, language: Language = "en"): Promise<UploadCheck> {
  const t = tFor(language);
  if (!entry || typeof entry === "string" || (entry.size === 0 && !entry.name)) return { ok: false, message: t("admin:upload.error.none") };
  const filename = cleanFilename(entry.name);
  if (entry.size === 0) return { ok: false, message: t("admin:upload.error.empty", { name: filename }) };
  if (entry.size > maxBytes) {
    return { ok: false, message: t("admin:upload.error.tooLarge", { name: filename, size: formatFileSize(entry.size, language), max: formatFileSize(maxBytes, language) }) };
  }
  const bytes = Buffer.from(await entry.arrayBuffer());
  const ext = extensionOf(filename);
  const found = await fileTypeFromBuffer(bytes);
  let kind: Kind | undefined;
  if (found?.mime === "application/x-cfb") kind = LEGACY_OFFICE[ext];
  else if (found) kind = KINDS.find((k) => k.mime === found.mime);
  else if (isPlainText(bytes)) kind = KINDS.find((k) => k.mime === "text/plain");
  if (!kind) {
    return { ok: false, message: t("admin:upload.error.type", { name: filename, accepted: acceptedDescription(language) }) };
  }
  if (!kind.exts.includes(ext)) {
    const claimed = KINDS.find((k) => k.exts.includes(ext)) ?? LEGACY_OFFICE[ext];
    return {
      ok: false,
      message: claimed
        ? t("admin:upload.error.misnamed", { name: filename, claimed: t(`admin:upload.aKind.${claimed.name}`), kind: t(`admin:upload.aKind.${kind.name}`), ext: kind.exts[0] })
        : t("admin:upload.error.extension", { name: filename, kind: t(`admin:upload.aKind.${kind.name}`), ext: kind.exts[0] }),
    };
  }
  const mimeType = kind.mime === "text/plain" ? "text/plain; charset=utf-8" : kind.mime;
  return { ok: true, file: { bytes, filename, mimeType, size: bytes.length } };
}

/** Stores a checked upload (metadata and bytes) and returns its metadata. Call inside the transaction that links it. */
export async function storeFile(tx: Tx, file: CheckedUpload, uploadedById: string | null) {
  return tx.storedFile.create({
    data: {
      filename: file.filename,
      mimeType: file.mimeType,
      size: file.size,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      key: randomBytes(18).toString("base64url"),
      uploadedById,
      content: { create: { data: new Uint8Array(file.bytes) } },
    },
  });
}

/** The stored bytes of a file, or null when it is gone. */
export async function readFileBytes(fileId: string, client: Tx = db): Promise<Buffer | null> {
  const row = await client.storedFileContent.findUnique({ where: { fileId }, select: { data: true } });
  return row ? Buffer.from(row.data) : null;
}

/**
 * The download of a stored file, after the caller has checked access: PDFs and images may open in the
 * browser, anything else is an attachment; a sandbox CSP keeps a file from running anything as the app.
 */
export function fileResponse(file: { filename: string; mimeType: string }, bytes: Buffer, method = "GET"): Response {
  const inline = INLINE_TYPES.has(file.mimeType);
  return new Response(method === "HEAD" ? null : new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(file.filename, { type: inline ? "inline" : "attachment" }),
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
