import { stringify } from "csv-stringify/sync";
import { parse } from "csv-parse/sync";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";

// CSV export and import, one way for the whole app. Exported cells that a spreadsheet would read
// as a formula (=, +, -, @, tab, carriage return) get a leading apostrophe (OWASP CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))], {
    record_delimiter: "\r\n",
  });
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response("\uFEFF" + csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });
}

export type CsvParseResult =
  | { ok: true; header: string[]; rows: Record<string, string>[] }
  | { ok: false; error: string };

/** More columns than any import reads (the widest, recommendations, has 14), with room for a spreadsheet's extras. */
const MAX_COLUMNS = 200;

/** Parses an uploaded CSV with a header row. Column names are trimmed and lower-cased; errors are in `language`. */
export function parseCsv(text: string, maxRows = 5000, language: Language = "en"): CsvParseResult {
  const t = tFor(language);
  try {
    const records: string[][] = parse(text.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
    if (records.length === 0) return { ok: false, error: t("common:csvFile.empty") };
    const header = records[0].map((h) => h.trim().toLowerCase());
    // Every row becomes an object with a key per column: a 1 MB header of 330,000 empty columns took 0.5 s.
    if (header.length > MAX_COLUMNS) return { ok: false, error: t("common:csvFile.tooManyColumns", { max: MAX_COLUMNS }) };
    const body = records.slice(1);
    if (body.length > maxRows) return { ok: false, error: t("common:csvFile.tooManyRows", { max: maxRows }) };
    const rows = body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
    return { ok: true, header, rows };
  } catch (e) {
    return { ok: false, error: t("common:csvFile.unreadable", { detail: (e as Error).message.split("\n")[0] }) };
  }
}
