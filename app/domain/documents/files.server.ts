import { createHash, randomBytes } from "node:crypto";
import contentDisposition from "content-disposition";
import { fileTypeFromBuffer } from "file-type";
import { db, type Tx } from "~/utils/db.server";
import { formatFileSize as size } from "./labels";

// Uploaded files (docs/decisions/076-documents.md): checked on their content, never on their name, and
// stored in the database (StoredFile + StoredFileContent), the one store every instance already shares.
// Documents, progress evidence and the published summary record all keep their files here.

const MB = 1024 * 1024;
/** The largest file accepted, in bytes (DOCUMENT_MAX_MB, default 20). */
export const MAX_FILE_BYTES = Math.max(1, Number(process.env.DOCUMENT_MAX_MB) || 20) * MB;

type Kind = { mime: string; label: string; exts: string[] };

/** The types Convene accepts, by the media type found in the content. */
const KINDS: Kind[] = [
  { mime: "application/pdf", label: "PDF", exts: ["pdf"] },
  { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word document", exts: ["docx"] },
  { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel workbook", exts: ["xlsx"] },
  { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", label: "PowerPoint presentation", exts: ["pptx"] },
  { mime: "application/vnd.oasis.opendocument.text", label: "OpenDocument text", exts: ["odt"] },
  { mime: "application/vnd.oasis.opendocument.spreadsheet", label: "OpenDocument spreadsheet", exts: ["ods"] },
  { mime: "application/vnd.oasis.opendocument.presentation", label: "OpenDocument presentation", exts: ["odp"] },
  { mime: "image/png", label: "PNG image", exts: ["png"] },
  { mime: "image/jpeg", label: "JPEG image", exts: ["jpg", "jpeg"] },
  { mime: "image/gif", label: "GIF image", exts: ["gif"] },
  { mime: "image/webp", label: "WebP image", exts: ["webp"] },
  { mime: "text/plain", label: "plain text file", exts: ["txt", "text", "md", "csv"] },
];

/** Word 97–2003, Excel 97–2003 and PowerPoint 97–2003 share one container (CFB); the name says which. */
const LEGACY_OFFICE: Record<string, Kind> = {
  doc: { mime: "application/msword", label: "Word 97–2003 document", exts: ["doc"] },
  xls: { mime: "application/vnd.ms-excel", label: "Excel 97–2003 workbook", exts: ["xls"] },
  ppt: { mime: "application/vnd.ms-powerpoint", label: "PowerPoint 97–2003 presentation", exts: ["ppt"] },
};

/** What the upload forms say is accepted (also the `accept` attribute's extensions). */
export const ACCEPTED_EXTENSIONS = [...KINDS.flatMap((k) => k.exts), ...Object.keys(LEGACY_OFFICE)];
export const ACCEPTED_DESCRIPTION = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG/JPEG/GIF/WebP images or plain text";

/** "PDF", "Word document": the kind of a stored file by its media type, for lists that show files. */
export function fileTypeLabel(mimeType: string): string {
  const mime = mimeType.split(";")[0];
  return [...KINDS, ...Object.values(LEGACY_OFFICE)].find((k) => k.mime === mime)?.label ?? "file";
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
 * content, and named with an extension of that type. Every refusal is a sentence for the form.
 */
export async function checkUpload(entry: FormDataEntryValue | null, maxBytes = MAX_FILE_BYTES): Promise<UploadCheck> {
  if (!entry || typeof entry === "string" || (entry.size === 0 && !entry.name)) return { ok: false, message: "Choose a file to upload." };
  const filename = cleanFilename(entry.name);
  if (entry.size === 0) return { ok: false, message: `“${filename}” is empty.` };
  if (entry.size > maxBytes) return { ok: false, message: `“${filename}” is ${size(entry.size)}; a file may be at most ${size(maxBytes)}.` };
  const bytes = Buffer.from(await entry.arrayBuffer());
  const ext = extensionOf(filename);
  const found = await fileTypeFromBuffer(bytes);
  let kind: Kind | undefined;
  if (found?.mime === "application/x-cfb") kind = LEGACY_OFFICE[ext];
  else if (found) kind = KINDS.find((k) => k.mime === found.mime);
  else if (isPlainText(bytes)) kind = KINDS.find((k) => k.mime === "text/plain");
  if (!kind) {
    return { ok: false, message: `“${filename}” is not a type Convene accepts. Upload ${ACCEPTED_DESCRIPTION}.` };
  }
  if (!kind.exts.includes(ext)) {
    const claimed = KINDS.find((k) => k.exts.includes(ext)) ?? LEGACY_OFFICE[ext];
    return {
      ok: false,
      message: claimed
        ? `“${filename}” is named as a ${claimed.label} but its content is a ${kind.label}. Upload the file itself, or name it .${kind.exts[0]}.`
        : `“${filename}” is a ${kind.label}; its name should end in .${kind.exts[0]}.`,
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
