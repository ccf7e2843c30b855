// Document types and audiences in display order (labels: `common:documentType.*`,
// `admin:documents.visibility.*`), and the size shown beside each file: plain data, so pages that list
// documents do not pull server code or zod into the browser.
import type { DocumentType, DocumentVisibility } from "~/generated/prisma/enums.ts";
import type { Language } from "~/i18n/config";
import { valuesOf } from "~/utils/enums";

const TYPE_ORDER: Record<DocumentType, number> = { AGENDA: 0, BACKGROUND_PAPER: 1, PRESENTATION: 2, CONCLUSIONS: 3, SUMMARY_RECORD: 4, OTHER: 5 };
export const DOCUMENT_TYPES = valuesOf(TYPE_ORDER);

const VISIBILITY_ORDER: Record<DocumentVisibility, number> = { PUBLIC: 0, PARTICIPANTS: 1, DELEGATION: 2, STAFF: 3 };
export const DOCUMENT_VISIBILITIES = valuesOf(VISIBILITY_ORDER);

const MB = 1024 * 1024;
// French writes octets: "2,4 Mo".
const UNITS: Record<Language, { mb: string; kb: string }> = { en: { mb: "MB", kb: "KB" }, fr: { mb: "Mo", kb: "Ko" } };

/** "2.4 MB", "312 KB" ("2,4 Mo", "312 Ko"): a file's size as pages show it. */
export function formatFileSize(bytes: number, language: Language = "en"): string {
  const unit = UNITS[language];
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} ${unit.kb}`;
  return `${new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(bytes / MB)} ${unit.mb}`;
}
