// Document types and audiences with their labels, and the size shown beside each file: plain data, so
// pages that list documents do not pull server code or zod into the browser.
import type { DocumentType, DocumentVisibility } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  AGENDA: "Agenda",
  BACKGROUND_PAPER: "Background paper",
  PRESENTATION: "Presentation",
  CONCLUSIONS: "Conclusions",
  SUMMARY_RECORD: "Summary record",
  OTHER: "Other",
};
export const DOCUMENT_TYPES = valuesOf(DOCUMENT_TYPE_LABELS);

export const DOCUMENT_VISIBILITY_LABELS: Record<DocumentVisibility, string> = {
  PUBLIC: "Public",
  PARTICIPANTS: "Registered participants",
  DELEGATION: "One agency's delegation",
  STAFF: "Staff only",
};
export const DOCUMENT_VISIBILITIES = valuesOf(DOCUMENT_VISIBILITY_LABELS);

const MB = 1024 * 1024;
/** "2.4 MB", "312 KB": a file's size as pages show it. */
export function formatFileSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
