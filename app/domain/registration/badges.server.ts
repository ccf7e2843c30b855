import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import { db, transaction } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { signFor } from "~/utils/tokens.server";
import { formatDay, formatRange } from "~/utils/dates";
import { audit } from "~/domain/audit/audit.server";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { whereFor } from "./listing.server";
import { lockMeeting } from "./registration.server";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import type { T } from "~/i18n/translate";
import type { RegistrationRole } from "./labels";

// Badges, check-in codes and the participant list by delegation (docs/decisions/074-badges.md).
// A badge's QR code carries a check-in code: the registration's id and an HMAC of it under the
// "checkin" key. It lets staff at the check-in desk find the person and grants nothing else; the
// self-service private link (which manages the registration) never appears on paper.

// ---------------------------------------------------------------- check-in codes

const CODE_SIG_LENGTH = 16;

/** The check-in code printed (as a QR code) on a registration's badge: "<registration id>-<16 hex>". */
export function checkInCode(registrationId: string): string {
  const sig = Buffer.from(signFor(env().SESSION_SECRET, "checkin", `checkin:${registrationId}`), "base64url").toString("hex");
  return `${registrationId}-${sig.slice(0, CODE_SIG_LENGTH)}`;
}

/** The registration id a typed or scanned code stands for, or null when it is not a genuine code. */
export function registrationIdOfCode(raw: string): string | null {
  const code = raw.trim().toLowerCase();
  const m = /^([a-z0-9-]{8,40})-([0-9a-f]{16})$/.exec(code);
  if (!m) return null;
  const expected = Buffer.from(checkInCode(m[1]));
  const given = Buffer.from(code);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? m[1] : null;
}

export type ScanResult = { ok: true; already: boolean; name: string; agency: string; checkedInAt: Date } | { ok: false; message: string };

/**
 * Checks in the person whose badge was scanned (or whose code was typed). A second scan changes
 * nothing and says when they were checked in. Codes of another meeting, of cancelled or waitlisted
 * registrations, and anything that is not a genuine code are refused with a message in `language`.
 */
export async function checkInByCode(actor: Actor, meetingId: string, raw: string, language: Language): Promise<ScanResult> {
  assertCan(actor, "registrations:manage");
  const t = tFor(language);
  if (!raw.trim()) return { ok: false, message: t("registrations:checkin.scan.empty") };
  const id = registrationIdOfCode(raw.slice(0, 200));
  if (!id) return { ok: false, message: t("registrations:checkin.scan.notACode") };
  return transaction(async (tx) => {
    // Under the meeting's lock, as setAttendance: a cancellation cannot slip in between.
    await lockMeeting(tx, meetingId);
    const reg = await tx.registration.findFirst({
      where: { id },
      select: {
        id: true,
        meetingId: true,
        name: true,
        status: true,
        attendance: true,
        checkedInAt: true,
        agency: { select: { acronym: true, name: true } },
        meeting: { select: { title: true } },
      },
    });
    if (!reg) return { ok: false, message: t("registrations:checkin.scan.gone") };
    if (reg.meetingId !== meetingId) return { ok: false, message: t("registrations:checkin.scan.otherMeeting", { title: reg.meeting.title }) };
    const mine = await tx.registration.findFirst({ where: { ...whereFor(actor, meetingId, {}), id }, select: { id: true } });
    if (!mine) return { ok: false, message: t("registrations:checkin.scan.notACode") };
    if (reg.status !== "CONFIRMED") {
      const status = t(`common:registrationStatus.${reg.status}`).toLowerCase();
      return { ok: false, message: t("registrations:checkin.scan.notConfirmed", { name: reg.name, status }) };
    }
    const agency = reg.agency?.acronym || reg.agency?.name || "";
    if (reg.attendance === "ATTENDED" && reg.checkedInAt) return { ok: true, already: true, name: reg.name, agency, checkedInAt: reg.checkedInAt };
    const checkedInAt = new Date();
    await tx.registration.update({ where: { id: reg.id }, data: { attendance: "ATTENDED", checkedInAt } });
    await audit(tx, {
      userId: actor.id,
      entity: "Registration",
      entityId: reg.id,
      meetingId,
      action: "attendance",
      before: { attendance: reg.attendance },
      after: { attendance: "ATTENDED" },
    });
    return { ok: true, already: false, name: reg.name, agency, checkedInAt };
  });
}


// ---------------------------------------------------------------- who is on the badges and lists

export type BadgeFilter = { registrationId?: string; agencyId?: string };

/**
 * The confirmed participants grouped by delegation (agency): delegations in agency order, people
 * without an agency last; in each, the head of delegation first, then the others by name.
 */
export async function participantsByDelegation(actor: Actor, meetingId: string, filter: BadgeFilter = {}) {
  assertCan(actor, "registrations:manage");
  const rows = await db.registration.findMany({
    where: {
      AND: [
        whereFor(actor, meetingId, { agencyId: filter.agencyId }),
        { status: "CONFIRMED" },
        ...(filter.registrationId ? [{ id: filter.registrationId }] : []),
      ],
    },
    orderBy: { sortName: "asc" },
    select: {
      id: true,
      name: true,
      jobTitle: true,
      role: true,
      attendance: true,
      agency: { select: { id: true, name: true, acronym: true, sortName: true } },
      headOf: { select: { meetingId: true } },
    },
  });
  const groups = new Map<string, { agency: { id: string; name: string; acronym: string } | null; sortName: string | null; people: Participant[] }>();
  for (const r of rows) {
    const key = r.agency?.id ?? "";
    let group = groups.get(key);
    if (!group) {
      group = { agency: r.agency ? { id: r.agency.id, name: r.agency.name, acronym: r.agency.acronym } : null, sortName: r.agency?.sortName ?? null, people: [] };
      groups.set(key, group);
    }
    const person = { id: r.id, name: r.name, jobTitle: r.jobTitle, role: r.role, attendance: r.attendance, head: r.headOf?.meetingId === meetingId };
    if (person.head) group.people.unshift(person);
    else group.people.push(person);
  }
  return [...groups.values()]
    .sort((a, b) => (a.sortName === null ? 1 : b.sortName === null ? -1 : a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0))
    .map(({ agency, people }) => ({ agency, people }));
}

export type Participant = {
  id: string;
  name: string;
  jobTitle: string;
  role: RegistrationRole;
  attendance: string;
  head: boolean;
};
export type DelegationGroup = Awaited<ReturnType<typeof participantsByDelegation>>[number];

/** "Head of delegation · Delegate" */
export function roleLine(p: Pick<Participant, "role" | "head">, t: T): string {
  const role = t(`common:registrationRole.${p.role}`);
  return p.head ? t("registrations:badges.headRole", { role }) : role;
}

// ---------------------------------------------------------------- PDF

// DejaVu Sans, committed with its licence: Helvetica in PDF covers WinAnsi only, and names are
// international (Łukasz, Ελένη, Şahin). pdfkit embeds only the glyphs used.
const FONT_DIR = path.join(process.cwd(), "assets", "fonts");
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= { regular: fs.readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")), bold: fs.readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")) };
  return fonts;
}

// pdfkit (with fontkit and brotli's dictionary, 2.6 MB of source) is loaded by the first PDF, not with the
// server: a process that serves pages never holds it (docs/decisions/095-live-heap.md).
async function newDocument(options: PDFKit.PDFDocumentOptions, title: string) {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ ...options, info: { Title: title, Creator: "Convene" } });
  const { regular, bold } = loadFonts();
  doc.registerFont("Sans", regular);
  doc.registerFont("Sans-Bold", bold);
  doc.font("Sans");
  return doc;
}

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

// The summary record's PDF (app/domain/summary) is made the same way, with the same fonts.
export { newDocument as newPdfDocument, finish as finishPdf };

/** The QR code's modules (true = dark), as drawn on the badge. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => !!modules.get(r, c)));
}

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const matrix = qrMatrix(text);
  const cell = size / matrix.length;
  matrix.forEach((row, r) => row.forEach((dark, c) => dark && doc.rect(x + c * cell, y + r * cell, cell, cell)));
  doc.fillColor("#000").fill();
}

export type BadgeLayout = "sheet" | "single";
export const BADGE_LAYOUTS: Record<BadgeLayout, string> = {
  sheet: "A4, 8 badges per page with cut lines",
  single: "One badge per page (95 × 69 mm), for badge printers",
};

// A4 in points, 10 mm margins; each badge is a quarter of the height and half of the width (95 × 69 mm).
const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 28.35;
const BADGE = { w: (A4.w - 2 * MARGIN) / 2, h: (A4.h - 2 * MARGIN) / 4 };

type BadgeMeeting = { title: string; startsAt: Date; endsAt: Date; timeZone: string; city: string | null };

/** The meeting's day or days in its own zone: "Thursday 4 June 2030" or "4 Jun 2030 – 6 Jun 2030". */
export function meetingDays(m: Pick<BadgeMeeting, "startsAt" | "endsAt" | "timeZone">, language: Language = "en"): string {
  const start = formatDay(m.startsAt, m.timeZone, language);
  const end = formatDay(m.endsAt, m.timeZone, language);
  return start === end ? start : `${start} – ${end}`;
}

/** A font size at which the text fits the width on one line, from `max` down to `min`. */
function fitSize(doc: PDFKit.PDFDocument, font: string, text: string, width: number, max: number, min: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 1) if (doc.fontSize(size).widthOfString(text) <= width) return size;
  return min;
}

function drawBadge(doc: PDFKit.PDFDocument, m: BadgeMeeting, days: string, role: string, p: Participant, agency: DelegationGroup["agency"], x: number, y: number) {
  const pad = 12;
  const inner = BADGE.w - 2 * pad;
  const qr = 74;
  doc
    .fillColor("#000")
    .font("Sans-Bold")
    .fontSize(9)
    .text(m.title, x + pad, y + pad, { width: inner, height: 24, ellipsis: true, lineGap: 0 });
  doc
    .font("Sans")
    .fontSize(7.5)
    .fillColor("#333")
    .text([days, m.city].filter(Boolean).join(" · "), x + pad, y + pad + 25, { width: inner, height: 10, ellipsis: true });
  doc
    .moveTo(x + pad, y + pad + 38)
    .lineTo(x + BADGE.w - pad, y + pad + 38)
    .lineWidth(0.5)
    .strokeColor("#999")
    .undash()
    .stroke();
  const nameSize = fitSize(doc, "Sans-Bold", p.name, inner, 22, 12);
  doc
    .fillColor("#000")
    .font("Sans-Bold")
    .fontSize(nameSize)
    .text(p.name, x + pad, y + pad + 46, { width: inner, height: nameSize * 2.5, ellipsis: true });
  const left = inner - qr - 8;
  const top = y + BADGE.h - pad - qr;
  if (agency) {
    doc
      .font("Sans-Bold")
      .fontSize(13)
      .text(agency.acronym, x + pad, top, { width: left, height: 16, ellipsis: true });
    doc
      .font("Sans")
      .fontSize(8)
      .text(agency.name, x + pad, top + 17, { width: left, height: 30, ellipsis: true });
  }
  doc
    .font(p.head ? "Sans-Bold" : "Sans")
    .fontSize(8.5)
    .text(role, x + pad, top + 50, { width: left, height: 24, ellipsis: true });
  drawQr(doc, checkInCode(p.id), x + BADGE.w - pad - qr, top, qr);
}

function cutLines(doc: PDFKit.PDFDocument) {
  doc.save().lineWidth(0.4).strokeColor("#888").dash(3, { space: 3 });
  for (let c = 0; c <= 2; c++) doc.moveTo(MARGIN + c * BADGE.w, 0).lineTo(MARGIN + c * BADGE.w, A4.h);
  for (let r = 0; r <= 4; r++) doc.moveTo(0, MARGIN + r * BADGE.h).lineTo(A4.w, MARGIN + r * BADGE.h);
  doc.stroke().undash().restore();
}

/** The badges as a PDF: on A4 sheets of 8 with cut lines, or one badge per page; fixed words in `language`. */
export async function badgesPdf(meeting: BadgeMeeting, groups: DelegationGroup[], layout: BadgeLayout, language: Language): Promise<Buffer> {
  const t = tFor(language);
  const sheet = layout === "sheet";
  const doc = await newDocument({ size: sheet ? [A4.w, A4.h] : [BADGE.w, BADGE.h], margin: 0, autoFirstPage: false }, t("registrations:badges.title", { title: meeting.title }));
  const days = meetingDays(meeting, language);
  const badges = groups.flatMap((g) => g.people.map((p) => ({ p, agency: g.agency })));
  badges.forEach(({ p, agency }, i) => {
    const slot = sheet ? i % 8 : 0;
    if (slot === 0) {
      doc.addPage();
      if (sheet) cutLines(doc);
    }
    const x = sheet ? MARGIN + (slot % 2) * BADGE.w : 0;
    const y = sheet ? MARGIN + Math.floor(slot / 2) * BADGE.h : 0;
    drawBadge(doc, meeting, days, roleLine(p, t), p, agency, x, y);
  });
  if (!badges.length) doc.addPage();
  return finish(doc);
}

/** The participant list by delegation as an A4 PDF, with a column for signatures; fixed words in `language`. */
export async function participantListPdf(meeting: BadgeMeeting, groups: DelegationGroup[], language: Language): Promise<Buffer> {
  const t = tFor(language);
  const doc = await newDocument({ size: "A4", margin: 42 }, t("registrations:sheet.title", { title: meeting.title }));
  const left = 42;
  const width = A4.w - 84;
  const cols = [
    { label: t("registrations:sheet.number"), w: 24 },
    { label: t("registrations:sheet.name"), w: 170 },
    { label: t("registrations:sheet.role"), w: 130 },
    { label: t("registrations:sheet.present"), w: 46 },
    { label: t("registrations:sheet.signature"), w: width - 370 },
  ];
  const bottom = A4.h - 42;
  doc.font("Sans-Bold").fontSize(14).text(t("registrations:sheet.heading"), left, 42, { width });
  doc
    .font("Sans")
    .fontSize(9)
    .text(`${meeting.title} — ${formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, language)}`, { width });
  let n = 0;
  const row = (cells: string[], bold: boolean) => {
    const heights = cells.map((c, i) =>
      doc
        .font(bold && i === 1 ? "Sans-Bold" : "Sans")
        .fontSize(9)
        .heightOfString(c, { width: cols[i].w - 4 })
    );
    const h = Math.max(18, ...heights.map((x) => x + 6));
    if (doc.y + h > bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc
        .font(bold && i === 1 ? "Sans-Bold" : "Sans")
        .fontSize(9)
        .text(c, x + 2, y + 3, { width: cols[i].w - 4 });
      x += cols[i].w;
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(0.4)
      .strokeColor("#999")
      .stroke();
    doc.x = left;
    doc.y = y + h;
  };
  for (const g of groups) {
    if (doc.y + 60 > bottom) doc.addPage();
    doc.moveDown(0.8);
    const heading = g.agency ? `${g.agency.acronym} — ${g.agency.name}` : t("registrations:sheet.noAgency");
    doc.font("Sans-Bold").fontSize(11).fillColor("#000").text(`${heading} (${g.people.length})`, left, doc.y, { width });
    doc.moveDown(0.3);
    row(
      cols.map((c) => c.label),
      false
    );
    for (const p of g.people) {
      n += 1;
      row(
        [
          String(n),
          p.head ? `${p.name}\n${t("registrations:sheet.head")}` : p.name,
          [t(`common:registrationRole.${p.role}`), p.jobTitle].filter(Boolean).join(" · "),
          p.attendance === "ATTENDED" ? "✓" : "",
          "",
        ],
        p.head
      );
    }
  }
  return finish(doc);
}

/** The PDF shown in the browser (to print), its filename limited to safe characters. */
export function pdfResponse(filename: string, pdf: Buffer): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
