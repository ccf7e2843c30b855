import { ACCEPTED_EXTENSIONS, acceptedDescription, MAX_FILE_BYTES, checkUpload, cleanFilename, fileTypeLabel, storeFile, type CheckedUpload } from "~/domain/documents/files.server";
import { formatFileSize } from "~/domain/documents/labels";
import type { Tx } from "~/utils/db.server";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import type { Refusal } from "~/utils/forms.server";

// A progress update's evidence file (docs/decisions/077-progress-evidence.md): the progress forms'
// optional `evidenceFile` input, checked like every upload and stored in the transaction that creates
// the update, so a refused report leaves no file and an update never points at a file that is not there.

/** What pages show of an update's evidence file: name, kind, size and its download, /files/:key. */
export const evidenceFileSelect = { select: { filename: true, mimeType: true, size: true, key: true } } as const;
export type EvidenceFile = { filename: string; type: string; size: number; href: string };

export function evidenceFileView(file: { filename: string; mimeType: string; size: number; key: string } | null, language: Language): EvidenceFile | null {
  return file ? { filename: file.filename, type: fileTypeLabel(file.mimeType, language), size: file.size, href: `/files/${file.key}` } : null;
}

/** True when the file input holds a file: an input left empty posts a nameless, empty part. */
export function evidenceChosen(entry: FormDataEntryValue | null | undefined): entry is File {
  return !!entry && typeof entry !== "string" && (entry.size > 0 || entry.name !== "");
}

/** The checked file, none when none was chosen, or the refusal as an error of the file field. */
export async function checkEvidenceFile(entry: FormDataEntryValue | null | undefined, language: Language): Promise<{ ok: true; file: CheckedUpload | null } | (Refusal & { fieldErrors: Record<string, string[]> })> {
  if (!evidenceChosen(entry)) return { ok: true, file: null };
  const checked = await checkUpload(entry, MAX_FILE_BYTES, language);
  if (checked.ok) return { ok: true, file: checked.file };
  // A browser cannot put a file back into a form it shows again, so say it must be chosen again.
  const t = tFor(language);
  return { ok: false, fieldErrors: { evidenceFile: [t("recommendations:evidence.refusedFile", { message: checked.message })] } };
}

/** Stores the checked file inside the caller's transaction; returns its id and what the audit entry records. */
export async function storeEvidence(tx: Tx, file: CheckedUpload | null, uploadedById: string | null) {
  if (!file) return { evidenceFileId: null, audited: undefined };
  const stored = await storeFile(tx, file, uploadedById);
  return { evidenceFileId: stored.id, audited: { filename: stored.filename, mimeType: stored.mimeType, size: stored.size, sha256: stored.sha256 } };
}

/** What the file input says about itself: the `accept` list and the limits in words. */
export function evidenceUploadRules(language: Language) {
  return { accept: ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(","), maxSize: formatFileSize(MAX_FILE_BYTES, language), types: acceptedDescription(language) };
}

/** The name of a file that came with a refused form: the page shows it again so the person knows to choose it again. */
export function unsentEvidence(entry: FormDataEntryValue | null | undefined): { unsentFile: string | null } {
  return { unsentFile: evidenceChosen(entry) ? cleanFilename(entry.name) : null };
}
