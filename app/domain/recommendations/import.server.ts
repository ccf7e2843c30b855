import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { parseCsv } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { IMPORT_COLUMNS, recommendationSchema } from "./recommendation.schema";
import { Refused, fieldRefusal, type Outcome } from "~/utils/forms.server";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from "~/i18n/config";
import { isKey, type T } from "~/i18n/translate";
import { invalidatePublicPages } from "~/domain/meetings/public-cache.server";
import { createRecommendationTx } from "./recommendations.server";
import { isStatus, STATUSES } from "./status";

// Bulk import from CSV. Each row is saved in its own transaction: a valid row is kept even when
// others fail, and a failing row leaves nothing behind. The report names the row and the reason.

const REQUIRED = ["code", "title", "text", "meeting", "lead_agency"];

export type ImportReport = {
  created: { row: number; code: string; id: string }[];
  failed: { row: number; code: string; reasons: string[] }[];
};

const FIELD_NAMES: Record<string, string> = {
  meetingId: "meeting",
  leadAgencyId: "lead_agency",
  supportingAgencyIds: "supporting_agencies",
  themeIds: "themes",
  dueDate: "due_date",
  agendaItemId: "agenda item",
  closingEvidence: "status",
};

/**
 * Imports the rows it can; a file that cannot be read at all is refused on the form's `file` field. The
 * report's reasons are sentences in the reader's language (`t`); column names and status codes are the
 * file's own, the same in every language.
 */
export async function importRecommendations(actor: Actor, text: string, t: T): Promise<Outcome<{ report: ImportReport }>> {
  assertCan(actor, "recommendations:manage");
  const report: ImportReport = { created: [], failed: [] };
  const parsed = parseCsv(text, 2000);
  if (!parsed.ok) return fieldRefusal("file", parsed.error);
  const missing = REQUIRED.filter((c) => !parsed.header.includes(c));
  if (missing.length) return fieldRefusal("file", t("recommendations:import.missingColumns", { columns: missing.join(", "), header: IMPORT_COLUMNS.join(",") }));

  const [meetings, agencies, themes] = await Promise.all([
    db.meeting.findMany({ select: { id: true, slug: true } }),
    db.agency.findMany({ select: { id: true, acronym: true, name: true } }),
    db.theme.findMany({ select: { id: true, name: true, slug: true, translations: { select: { name: true } } } }),
  ]);
  const meetingBySlug = new Map(meetings.map((m) => [m.slug.toLowerCase(), m.id]));
  const agencyByKey = new Map<string, string>();
  for (const a of agencies) {
    agencyByKey.set(a.name.toLowerCase(), a.id);
    if (!agencyByKey.has(a.acronym.toLowerCase())) agencyByKey.set(a.acronym.toLowerCase(), a.id);
  }
  const themeByKey = new Map<string, string>();
  for (const t of themes) {
    themeByKey.set(t.name.toLowerCase(), t.id);
    themeByKey.set(t.slug.toLowerCase(), t.id);
    // A theme by its name in another language too: an export in French names themes in French.
    for (const tr of t.translations) if (tr.name.trim() && !themeByKey.has(tr.name.trim().toLowerCase())) themeByKey.set(tr.name.trim().toLowerCase(), t.id);
  }
  const list = (v: string | undefined) => (v ?? "").split(";").map((x) => x.trim()).filter(Boolean);

  for (const [index, row] of parsed.rows.entries()) {
    const rowNumber = index + 2; // the header is row 1, as in a spreadsheet
    const reasons: string[] = [];
    const meetingId = meetingBySlug.get((row.meeting ?? "").toLowerCase());
    if (!meetingId) reasons.push(t("recommendations:import.unknownMeeting", { value: row.meeting ?? "" }));
    const leadAgencyId = agencyByKey.get((row.lead_agency ?? "").toLowerCase());
    if (!leadAgencyId) reasons.push(t("recommendations:import.unknownLead", { value: row.lead_agency ?? "" }));
    const supportingAgencyIds: string[] = [];
    for (const s of list(row.supporting_agencies)) {
      const id = agencyByKey.get(s.toLowerCase());
      if (id) supportingAgencyIds.push(id);
      else reasons.push(t("recommendations:import.unknownSupporter", { value: s }));
    }
    const themeIds: string[] = [];
    for (const theme of list(row.themes)) {
      const id = themeByKey.get(theme.toLowerCase());
      if (id) themeIds.push(id);
      else reasons.push(t("recommendations:import.unknownTheme", { value: theme }));
    }
    const status = (row.status ?? "").trim().toUpperCase().replace(/\s+/g, "_") || "PROPOSED";
    if (!isStatus(status)) reasons.push(t("recommendations:import.unknownStatus", { value: row.status ?? "", statuses: STATUSES.join(", ") }));
    if (status === "SUPERSEDED") reasons.push(t("recommendations:import.superseded"));
    // The language of the row's title and text, the original's (decision 089): a row exported in French
    // becomes a recommendation written in French. An empty cell or no column: the default, as before.
    const language = (row.language ?? "").trim().toLowerCase() || DEFAULT_LANGUAGE;
    if (!isLanguage(language)) reasons.push(t("recommendations:import.unknownLanguage", { value: row.language ?? "", languages: LANGUAGES.join(", ") }));

    const fields = {
      code: row.code ?? "",
      title: row.title ?? "",
      text: row.text ?? "",
      rationale: row.rationale || undefined,
      meetingId: meetingId ?? "",
      leadAgencyId: leadAgencyId ?? "",
      supportingAgencyIds,
      themeIds,
      priority: (row.priority || "MEDIUM").toUpperCase(),
      dueDate: row.due_date || undefined,
    };
    const parsedRow = recommendationSchema.safeParse(fields);
    if (!parsedRow.success) {
      for (const issue of parsedRow.error.issues) {
        const key = String(issue.path[0] ?? "");
        if ((key === "meetingId" && !meetingId) || (key === "leadAgencyId" && !leadAgencyId)) continue;
        const message = fields[key as keyof typeof fields] === "" ? t("recommendations:import.empty") : isKey(issue.message) ? t(issue.message) : issue.message;
        reasons.push(`${FIELD_NAMES[key] ?? key}${t("recommendations:colon")}${message}`);
      }
    }
    if (reasons.length || !parsedRow.success || !isStatus(status) || !isLanguage(language)) {
      report.failed.push({ row: rowNumber, code: row.code ?? "", reasons });
      continue;
    }
    try {
      const evidence = ["IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED"].includes(status) ? `Imported from CSV as ${status.toLowerCase().replace(/_/g, " ")}.` : "";
      const result = await db.$transaction(async (tx) => {
        const r = await createRecommendationTx(tx, actor, parsedRow.data, { status, progress: status === "IMPLEMENTED" ? 100 : undefined, closingEvidence: evidence, language });
        // Throwing rolls the row back when a database check fails.
        if (!r.ok) throw new Refused(r);
        return r;
      });
      report.created.push({ row: rowNumber, code: parsedRow.data.code, id: result.id });
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      const { fieldErrors = {}, formErrors = [] } = e.refusal;
      const say = (m: string) => (isKey(m) ? t(m) : m);
      const reasons = [...formErrors.map(say), ...Object.entries(fieldErrors).flatMap(([k, msgs]) => msgs.map((m) => `${FIELD_NAMES[k] ?? k}${t("recommendations:colon")}${say(m)}`))];
      report.failed.push({ row: rowNumber, code: parsedRow.data.code, reasons });
    }
  }
  // Saved row by row, so the public generation moves once, at the end (see writePublic).
  if (report.created.length) await invalidatePublicPages();
  return { ok: true, report };
}
