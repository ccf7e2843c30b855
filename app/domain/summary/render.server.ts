import MarkdownIt from "markdown-it";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import type { T } from "~/i18n/translate";
import { finishPdf, newPdfDocument } from "~/domain/registration/badges.server";
import type { Status } from "~/domain/recommendations/status";
import { titleFor } from "~/domain/recommendations/translations.server";
import { formatDateTime, formatRange, zoneLabel } from "~/utils/dates";
import { PLACEHOLDERS } from "./summary.schema";

// The summary record as readers see it, on the page and in the PDF (docs/decisions/078-summary-record.md).
// The body is Markdown written by the secretariat; attendance and recommendations are never typed into
// it: the renderer fills them from the records at each showing, where the body has a placeholder line
// ({{attendance}}, {{recommendations}}), or after the body when it has none.

// ---------------------------------------------------------------- Markdown, safely

/** Only web and mail links: no javascript:, data:, file: or relative tricks. */
const LINK_OK = /^(https?:\/\/|mailto:)/i;

function makeMarkdown() {
  // html: false prints raw HTML as text; images are off (a summary record loads nothing from elsewhere,
  // and the Content-Security-Policy would block it anyway); `![x](url)` becomes a plain link.
  const md = new MarkdownIt("default", { html: false, linkify: true, typographer: false });
  md.disable("image");
  md.validateLink = (url) => LINK_OK.test(url.trim());
  // The page's one <h1> is the record's title: "# Conclusions" in the body becomes an <h2>, and so on.
  md.core.ruler.push("shift_headings", (state) => {
    for (const t of state.tokens) {
      if (t.type === "heading_open" || t.type === "heading_close") t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 1)}`;
    }
  });
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet("rel", "nofollow noopener noreferrer");
    return defaultLink(tokens, idx, options, env, self);
  };
  return md;
}

const md = makeMarkdown();
type Token = ReturnType<typeof md.parse>[number];

/** The body's Markdown as HTML: raw HTML escaped, only http(s) and mailto links, no images. */
export function markdownToHtml(text: string): string {
  return md.render(text);
}

// ---------------------------------------------------------------- the body and its placeholders

export type SectionKind = keyof typeof PLACEHOLDERS;
type Piece = { kind: "markdown"; text: string } | { kind: SectionKind };

const PLACEHOLDER_LINE = /^\s*\{\{\s*(attendance|recommendations)\s*\}\}\s*$/;

/**
 * The body cut at its placeholder lines. Each section appears once, where its first placeholder
 * stands; a section without a placeholder comes after the body, so a record never lacks one.
 */
export function splitBody(body: string): Piece[] {
  const pieces: Piece[] = [];
  const seen = new Set<SectionKind>();
  let lines: string[] = [];
  const flush = () => {
    if (lines.join("").trim()) pieces.push({ kind: "markdown", text: lines.join("\n") });
    lines = [];
  };
  for (const line of body.split(/\r?\n/)) {
    const m = PLACEHOLDER_LINE.exec(line);
    if (!m) {
      lines.push(line);
      continue;
    }
    flush();
    const kind = m[1] as SectionKind;
    if (!seen.has(kind)) pieces.push({ kind });
    seen.add(kind);
  }
  flush();
  for (const kind of Object.keys(PLACEHOLDERS) as SectionKind[]) if (!seen.has(kind)) pieces.push({ kind });
  return pieces;
}

// ---------------------------------------------------------------- the records

/** `agency` null: registrations without an agency. */
export type AttendanceRow = { agency: string | null; confirmed: number; checkedIn: number };
/**
 * The status's label is `common:recommendationStatus.<status>`, in the reader's language; the title is in
 * it too when translated, else the original's, in `lang` (decision 080).
 */
export type RecommendationRow = { id: string; code: string; title: string; lang: Language; status: Status };
export type ReviewRow = RecommendationRow & { outcome: string };
export type SummaryRecords = { attendance: AttendanceRow[]; made: RecommendationRow[]; reviewed: ReviewRow[] };

/** What the page component renders: the body's HTML pieces and the sections in their places. */
export type RenderedPart = { kind: "html"; html: string } | { kind: SectionKind };
export type RenderedSummary = { parts: RenderedPart[]; records: SummaryRecords };

export function renderSummary(body: string, records: SummaryRecords): RenderedSummary {
  return {
    parts: splitBody(body).map((p): RenderedPart => (p.kind === "markdown" ? { kind: "html", html: markdownToHtml(p.text) } : p)),
    records,
  };
}

export function recommendationRow(r: { id: string; code: string; title: string; status: Status; language: string; translations?: { language: string; title: string }[] }, reader: Language): RecommendationRow {
  const title = titleFor(r, reader);
  return { id: r.id, code: r.code, title: title.text, lang: title.lang, status: r.status };
}

// ---------------------------------------------------------------- PDF

type PdfMeeting = { title: string; timeZone: string; startsAt: Date; endsAt: Date; venue: string; room: string; city: string };

const MARGIN = 56;
const HEADING_SIZES = [17, 14, 12.5, 11.5, 11, 11];

/** The text of an inline token: emphasis dropped, links followed by their address. */
function inlineText(token: Token | undefined): string {
  let out = "";
  let href: string | null = null;
  let linkText = "";
  for (const c of token?.children ?? []) {
    if (c.type === "link_open") {
      href = String(c.attrGet("href") ?? "");
      linkText = "";
    } else if (c.type === "link_close") {
      out += href && href !== linkText && `mailto:${linkText}` !== href ? `${linkText} (${href})` : linkText;
      href = null;
    } else {
      const piece = c.type === "softbreak" ? " " : c.type === "hardbreak" ? "\n" : c.type === "text" || c.type === "code_inline" ? c.content : "";
      if (href !== null) linkText += piece;
      else out += piece;
    }
  }
  return out;
}

/**
 * The text with a break opportunity (a zero-width space) every 100 characters of any run of more than 200
 * without a space: PDFKit splits a word wider than the line one character at a time, which grew with the
 * square of its length (4,000 characters: 0.29 s; one pasted 60,000-character line ran the process out of
 * memory). Ordinary words and links are far shorter and stay as they are.
 */
export function breakable(text: string): string {
  return text.replace(/\S{201,}/g, (run) => run.replace(/\S{100}(?=\S)/g, "$&\u200B"));
}

/** Draws one Markdown piece as headings, paragraphs, lists, quotes and code, in reading order. */
function drawMarkdown(doc: PDFKit.PDFDocument, text: string) {
  const tokens = md.parse(text, {});
  const lists: { ordered: boolean; n: number }[] = [];
  let quote = 0;
  let tableRow: string[] | null = null;
  let mark = "";
  const indent = () => MARGIN + lists.length * 16 + quote * 14;
  const width = () => doc.page.width - MARGIN - indent();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case "heading_open": {
        const level = Number(t.tag.slice(1)) - 1;
        doc.moveDown(0.6).font("Sans-Bold").fontSize(HEADING_SIZES[Math.max(0, level - 1)] ?? 11);
        doc.text(breakable(inlineText(tokens[i + 1])), MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
        doc.font("Sans").fontSize(10.5).moveDown(0.3);
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({ ordered: t.type === "ordered_list_open", n: Number(t.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        if (!lists.length) doc.moveDown(0.4);
        break;
      case "list_item_open": {
        const list = lists[lists.length - 1];
        mark = list.ordered ? `${list.n++}.` : "•";
        break;
      }
      case "blockquote_open":
        quote++;
        break;
      case "blockquote_close":
        quote--;
        break;
      case "paragraph_open": {
        const text = inlineText(tokens[i + 1]);
        doc.text(breakable(mark ? `${mark} ${text}` : text), indent(), doc.y, { width: width() });
        mark = "";
        if (!lists.length) doc.moveDown(0.5);
        break;
      }
      case "fence":
      case "code_block":
        doc.text(breakable(t.content.replace(/\n$/, "")), indent() + 8, doc.y, { width: width() - 8 }).moveDown(0.5);
        break;
      case "hr":
        doc.moveTo(MARGIN, doc.y + 4).lineTo(doc.page.width - MARGIN, doc.y + 4).strokeColor("#888").stroke().moveDown(1);
        break;
      case "tr_open":
        tableRow = [];
        break;
      case "th_open":
      case "td_open":
        tableRow?.push(inlineText(tokens[i + 1]));
        break;
      case "tr_close":
        if (tableRow) doc.text(breakable(tableRow.join("  |  ")), indent(), doc.y, { width: width() });
        tableRow = null;
        break;
      case "table_close":
        doc.moveDown(0.5);
        break;
    }
  }
}

function sectionHeading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.6).font("Sans-Bold").fontSize(14).text(text, MARGIN, doc.y).font("Sans").fontSize(10.5).moveDown(0.3);
}

/** A row of cells at fixed x positions; the row is as tall as its tallest cell. */
function tableLine(doc: PDFKit.PDFDocument, cells: string[], widths: number[], bold = false) {
  if (doc.y > doc.page.height - MARGIN - 30) doc.addPage();
  doc.font(bold ? "Sans-Bold" : "Sans").fontSize(10);
  const top = doc.y;
  let x = MARGIN;
  let bottom = top;
  cells.forEach((cell, i) => {
    doc.text(breakable(cell), x, top, { width: widths[i] - 6 });
    bottom = Math.max(bottom, doc.y);
    x += widths[i];
  });
  doc.x = MARGIN;
  doc.y = bottom + 3;
  doc.font("Sans").fontSize(10.5);
}

function drawAttendance(doc: PDFKit.PDFDocument, rows: AttendanceRow[], t: T) {
  sectionHeading(doc, t("admin:summary.attendance"));
  if (!rows.length) {
    doc.text(t("admin:summary.noRegistrations"), MARGIN, doc.y).moveDown(0.5);
    return;
  }
  const widths = [283, 100, 100];
  tableLine(doc, [t("admin:agenda.agency"), t("admin:dashboard.column.confirmed"), t("admin:summary.checkedIn")], widths, true);
  for (const r of rows) tableLine(doc, [r.agency ?? t("admin:summary.noAgency"), String(r.confirmed), String(r.checkedIn)], widths);
  const sum = (k: "confirmed" | "checkedIn") => String(rows.reduce((s, r) => s + r[k], 0));
  tableLine(doc, [t("admin:summary.total"), sum("confirmed"), sum("checkedIn")], widths, true);
}

/** The code column: as wide as the widest reference code (at least 90, at most 220 points), so a code is never split across lines. */
function codeColumnWidth(doc: PDFKit.PDFDocument, codes: string[]): number {
  doc.font("Sans").fontSize(10);
  const widest = Math.max(0, ...codes.map((c) => doc.widthOfString(c)));
  doc.fontSize(10.5);
  // tableLine leaves 6 points between columns.
  return Math.min(220, Math.max(90, Math.ceil(widest) + 8));
}

function drawRecommendations(doc: PDFKit.PDFDocument, records: SummaryRecords, t: T) {
  sectionHeading(doc, t("admin:summary.made"));
  if (!records.made.length) doc.text(t("admin:summary.nothing"), MARGIN, doc.y).moveDown(0.5);
  const code = codeColumnWidth(doc, [...records.made, ...records.reviewed].map((r) => r.code));
  const widths = [code, 483 - code - 110, 110];
  if (records.made.length) tableLine(doc, [t("admin:summary.code"), t("admin:documents.title"), t("admin:dashboard.column.status")], widths, true);
  for (const r of records.made) tableLine(doc, [r.code, r.title, t(`common:recommendationStatus.${r.status}`)], widths);
  sectionHeading(doc, t("admin:summary.reviewed"));
  if (!records.reviewed.length) doc.text(t("admin:summary.nothing"), MARGIN, doc.y).moveDown(0.5);
  for (const r of records.reviewed) {
    tableLine(doc, [r.code, r.title, t(`common:recommendationStatus.${r.status}`)], widths);
    if (r.outcome) doc.text(t("admin:summary.pdf.outcome", { outcome: r.outcome }), MARGIN + code, doc.y, { width: 483 - code }).moveDown(0.3);
  }
}

/** The published summary record as a PDF: title, meeting, times with their zone, body, then the sections. */
export async function summaryPdf(p: { meeting: PdfMeeting; body: string; records: SummaryRecords; publishedAt: Date; language?: Language }): Promise<Buffer> {
  const m = p.meeting;
  const language = p.language ?? "en";
  const t = tFor(language);
  const title = t("admin:summary.heading", { title: m.title });
  const doc = await newPdfDocument({ size: "A4", margin: MARGIN }, title);
  doc.font("Sans-Bold").fontSize(20).text(title, { width: doc.page.width - 2 * MARGIN });
  doc.font("Sans").fontSize(10.5).moveDown(0.4);
  doc.text(formatRange(m.startsAt, m.endsAt, m.timeZone, language));
  const place = [m.venue, m.room, m.city].filter(Boolean).join(", ");
  if (place) doc.text(place);
  doc.fillColor("#444").text(t("admin:summary.pdf.published", { at: `${formatDateTime(p.publishedAt, m.timeZone, false, language)} ${zoneLabel(m.timeZone, p.publishedAt, language)}` })).fillColor("#000");
  doc.moveDown(0.8);
  for (const piece of splitBody(p.body)) {
    if (piece.kind === "markdown") drawMarkdown(doc, piece.text);
    else if (piece.kind === "attendance") drawAttendance(doc, p.records.attendance, t);
    else drawRecommendations(doc, p.records, t);
  }
  return finishPdf(doc);
}
