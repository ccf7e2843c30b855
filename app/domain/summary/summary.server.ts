import { redirect } from "@remix-run/node";
import { key } from "~/i18n/translate";
import { fixedT, languageOf, tFor } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { audit } from "~/domain/audit/audit.server";
import { can } from "~/domain/auth/permissions";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { addDocumentVersion } from "~/domain/documents/documents.server";
import { readFileBytes } from "~/domain/documents/files.server";
import { invalidatePublicPages } from "~/domain/meetings/public-cache.server";
import { recommendationTitleIn } from "~/domain/recommendations/translations.server";
import { normaliseEmail } from "~/domain/registration/registration.server";
import { db, type Tx } from "~/utils/db.server";
import { formatDay, formatTime, offsetChanges, zoneSpanLabel } from "~/utils/dates";
import { formRefusal, Refused, type Outcome } from "~/utils/forms.server";
import { rowLock, saveIfUnchanged } from "~/utils/save-if-unchanged.server";
import { forbidden, notFound } from "~/utils/http.server";
import { hashToken } from "~/utils/tokens.server";
import { recommendationRow, renderSummary, summaryPdf, type AttendanceRow, type SummaryRecords } from "./render.server";
import { PLACEHOLDERS, type SummaryInput, type SummaryVisibility } from "./summary.schema";

// The summary record of a meeting (issue 12, docs/decisions/078-summary-record.md): the secretariat
// drafts it in Markdown, previews it and publishes it; publishing renders the PDF and adds it as a new
// version of the meeting's SUMMARY_RECORD document, in one transaction. Attendance and recommendations
// come from their records each time the record is shown, so the record and the records never disagree.

// ---------------------------------------------------------------- the records

/**
 * Attendance by agency (confirmed and checked-in registrations) and the recommendations made and reviewed,
 * their titles in `language` where translated (the reader's, or the publisher's for the PDF).
 */
export async function summaryRecords(meetingId: string, language: Language, client: Tx = db): Promise<SummaryRecords> {
  const [groups, made, reviews] = await Promise.all([
    client.registration.groupBy({ by: ["agencyId", "attendance"], where: { meetingId, status: "CONFIRMED" }, _count: { _all: true } }),
    client.recommendation.findMany({ where: { meetingId }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true, status: true, ...recommendationTitleIn(language) } }),
    client.recommendationReview.findMany({
      where: { meetingId },
      orderBy: { recommendation: { code: "asc" } },
      select: { outcome: true, recommendation: { select: { id: true, code: true, title: true, status: true, ...recommendationTitleIn(language) } } },
    }),
  ]);
  const agencyIds = [...new Set(groups.map((g) => g.agencyId).filter((id): id is string => !!id))];
  const agencies = agencyIds.length
    ? await client.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, name: true, acronym: true }, orderBy: { sortName: "asc" } })
    : [];
  const rows = new Map<string | null, AttendanceRow>();
  for (const a of agencies) rows.set(a.id, { agency: a.acronym && a.acronym !== a.name ? `${a.name} (${a.acronym})` : a.name, confirmed: 0, checkedIn: 0 });
  for (const g of groups) {
    let row = rows.get(g.agencyId);
    if (!row) rows.set(g.agencyId, (row = { agency: null, confirmed: 0, checkedIn: 0 }));
    row.confirmed += g._count._all;
    if (g.attendance === "ATTENDED") row.checkedIn += g._count._all;
  }
  return {
    attendance: [...rows.values()],
    made: made.map((r) => recommendationRow(r, language)),
    reviewed: reviews.map((r) => ({ ...recommendationRow(r.recommendation, language), outcome: r.outcome })),
  };
}

/**
 * "Start from the records": a heading per agenda item with its time in the meeting's zone, then the
 * placeholders; the words and dates in `language` (the secretariat member's, who writes the record in it).
 */
export async function draftFromRecords(meetingId: string, language: Language = "en"): Promise<string> {
  const t = tFor(language);
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { title: true, timeZone: true, startsAt: true, endsAt: true } });
  if (!meeting) notFound(t("common:error.notFound.meeting"));
  const items = await db.agendaItem.findMany({
    where: { meetingId },
    orderBy: [{ startsAt: "asc" }, { position: "asc" }],
    select: { id: true, parentId: true, title: true, startsAt: true, endsAt: true },
  });
  const zone = meeting.timeZone;
  const severalDays = formatDay(meeting.startsAt, zone) !== formatDay(meeting.endsAt, zone);
  const day = (d: Date) => formatDay(d, zone, language);
  const offsetToo = offsetChanges(meeting.startsAt, meeting.endsAt, zone);
  const when = (i: { startsAt: Date; endsAt: Date }) =>
    `${severalDays ? `${day(i.startsAt)}, ` : ""}${formatTime(i.startsAt, zone, offsetToo)}–${formatTime(i.endsAt, zone, offsetToo)}`;
  // One line per item: Markdown would read a title's own "#" or "*" as markup, so they are escaped.
  const plain = (s: string) => s.replace(/\s+/g, " ").replace(/([\\`*_{}[\]<>#+!|])/g, "\\$1");
  const children = new Map<string | null, typeof items>();
  for (const i of items) {
    const parent = i.parentId && items.some((p) => p.id === i.parentId) ? i.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), i]);
  }
  const lines: string[] = [t("admin:summary.fromRecords.times", { zone: zoneSpanLabel(zone, meeting.startsAt, meeting.endsAt, language) }), ""];
  const walk = (parent: string | null, depth: number) => {
    for (const i of children.get(parent) ?? []) {
      lines.push(`${"#".repeat(Math.min(depth, 5))} ${plain(i.title)} (${when(i)})`, "", "");
      walk(i.id, depth + 1);
    }
  };
  walk(null, 1);
  if (!items.length) lines.push(`# ${t("admin:summary.fromRecords.conclusions")}`, "", "");
  lines.push(PLACEHOLDERS.attendance, "", PLACEHOLDERS.recommendations, "");
  return lines.join("\n");
}

// ---------------------------------------------------------------- the editor

const versionSelect = { version: true, createdAt: true, file: { select: { key: true, size: true } } } as const;

export async function summaryEditor(meetingId: string) {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true, slug: true, title: true, timeZone: true, startsAt: true, endsAt: true,
      summaryRecord: {
        select: {
          body: true, visibility: true, publishedAt: true, updatedAt: true, updatedBy: { select: { name: true } },
          document: { select: { versions: { orderBy: { version: "desc" }, select: versionSelect } } },
        },
      },
    },
  });
  if (!meeting) notFound(key("common:error.notFound.meeting"));
  const { summaryRecord: record, ...m } = meeting;
  return {
    meeting: m,
    record: record && {
      body: record.body,
      visibility: (record.visibility === "PUBLIC" ? "PUBLIC" : "PARTICIPANTS") as SummaryVisibility,
      publishedAt: record.publishedAt,
      updatedAt: record.updatedAt.toISOString(),
      updatedBy: record.updatedBy?.name ?? null,
      versions: record.document?.versions ?? [],
    },
  };
}

/** The preview: exactly what readers in `language` will see once it is published. */
export async function previewSummary(meetingId: string, body: string, language: Language) {
  return renderSummary(body, await summaryRecords(meetingId, language));
}

/**
 * Saves, publishes or unpublishes the summary record. A form loaded before someone else's later save is
 * refused, never written over. Publishing renders the PDF (before the transaction: it reads only) and, in
 * one transaction, stores it, adds it as the next version of the meeting's summary record document (made
 * the first time), and marks the record published with its audience. A published record changes only by
 * publishing again, so the page and the newest PDF always show the same text.
 */
export async function changeSummary(actor: Actor, meetingId: string, input: SummaryInput, now = new Date(), language: Language = "en"): Promise<Outcome<{ version: number | null }>> {
  assertCan(actor, "summary:manage");
  if (input.intent !== "save" && input.intent !== "publish" && input.intent !== "unpublish") throw new Error(`changeSummary: ${input.intent}`);
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { id: true, slug: true, title: true, timeZone: true, startsAt: true, endsAt: true, venue: true, room: true, city: true },
  });
  if (!meeting) notFound(key("common:error.notFound.meeting"));
  const intent = input.intent;
  const pdf =
    intent === "publish" ? await summaryPdf({ meeting, body: input.body, records: await summaryRecords(meetingId, language), publishedAt: now, language }) : null;
  const outcome = await saveIfUnchanged(
    {
      lock: rowLock("SummaryRecord", { column: "meetingId", value: meetingId }),
      read: (tx) =>
        tx.summaryRecord.findUnique({
          where: { meetingId },
          select: { id: true, body: true, visibility: true, publishedAt: true, updatedAt: true, updatedById: true, documentId: true },
        }),
      // The form says which save it was loaded after; the person's own later saves (another tab) are no one else's.
      unchanged: (current) => !current || current.updatedAt.toISOString() === input.updatedAt || current.updatedById === actor.id,
    },
    async (tx, current): Promise<Outcome<{ version: number | null }>> => {
      if (intent === "save" && current?.publishedAt) {
        throw new Refused(formRefusal(key("admin:summary.error.published")));
      }
      if (intent === "unpublish" && !current?.publishedAt) throw new Refused(formRefusal(key("admin:summary.error.notPublished")));

      let documentId = current?.documentId ?? null;
      let version: number | null = null;
      if (pdf) {
        if (documentId) {
          await tx.document.update({ where: { id: documentId }, data: { visibility: input.visibility, language } });
        } else {
          // The PDF is in the publisher's language (summaryPdf above): the document says so.
          const doc = await tx.document.create({
            data: { meetingId, title: tFor(language)("common:documentType.SUMMARY_RECORD"), type: "SUMMARY_RECORD", language, visibility: input.visibility },
            select: { id: true },
          });
          documentId = doc.id;
        }
        const filename = `${meeting.slug}-summary-record-${now.toISOString().slice(0, 10)}.pdf`;
        ({ version } = await addDocumentVersion(tx, documentId, { bytes: pdf, filename, mimeType: "application/pdf", size: pdf.length }, actor.id));
      } else if (intent === "unpublish" && documentId) {
        // The document stays, with its versions, for staff; readers no longer see it.
        await tx.document.update({ where: { id: documentId }, data: { visibility: "STAFF" } });
      }

      const data =
        intent === "unpublish"
          ? { publishedAt: null, updatedById: actor.id }
          : { body: input.body, visibility: input.visibility, updatedById: actor.id, ...(pdf ? { publishedAt: now, documentId } : {}) };
      let id: string;
      if (current) {
        await tx.summaryRecord.update({ where: { id: current.id }, data, select: { id: true } });
        id = current.id;
      } else {
        if (intent === "unpublish") throw new Refused(formRefusal(key("admin:summary.error.notPublished")));
        id = (await tx.summaryRecord.create({ data: { meetingId, ...data }, select: { id: true } })).id;
      }
      await audit(tx, {
        userId: actor.id,
        entity: "SummaryRecord",
        entityId: id,
        meetingId,
        action: intent === "save" ? "save" : intent === "publish" ? (current?.publishedAt ? "republish" : "publish") : "unpublish",
        before: current ? { visibility: current.visibility, published: !!current.publishedAt, length: current.body.length } : undefined,
        after: { title: meeting.title, visibility: input.visibility, version, length: intent === "unpublish" ? current?.body.length : input.body.length },
      });
      return { ok: true as const, version };
    },
  );
  if (outcome.ok) await invalidatePublicPages();
  return outcome;
}

// ---------------------------------------------------------------- readers

type Viewer = { user: Actor | null; registrationToken?: string | null };

/** Is the viewer a confirmed participant of the meeting, signed in or through their registration's private link? */
async function confirmedParticipant(meetingId: string, viewer: Viewer): Promise<boolean> {
  const or = [
    ...(viewer.user ? [{ userId: viewer.user.id }, { emailNormalised: normaliseEmail(viewer.user.email) }] : []),
    ...(viewer.registrationToken && viewer.registrationToken.length <= 100 ? [{ manageTokenHash: hashToken(viewer.registrationToken) }] : []),
  ];
  if (!or.length) return false;
  return !!(await db.registration.findFirst({ where: { meetingId, status: "CONFIRMED", anonymisedAt: null, OR: or }, select: { id: true } }));
}

/**
 * The summary record of the meeting for this viewer, or a thrown refusal: 404 when the meeting is hidden
 * from them or the record is not published (staff still see it, marked as not published); for a
 * participants-only record, a sign-in redirect for anonymous visitors without a registration link and
 * 403 for signed-in people who are not confirmed participants.
 */
export async function requireReadableSummary(request: Request, slug: string, viewer: Viewer) {
  const meeting = await db.meeting.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, title: true, timeZone: true, startsAt: true, endsAt: true, venue: true, room: true, city: true, status: true,
      summaryRecord: {
        select: {
          body: true, visibility: true, publishedAt: true,
          document: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, fileId: true, file: { select: { filename: true, mimeType: true, size: true } } } } } },
        },
      },
    },
  });
  const t = await fixedT(request);
  if (!meeting || (meeting.status === "DRAFT" && !can(viewer.user, "meetings:manage"))) notFound(t("admin:meeting.notFound"));
  const record = meeting.summaryRecord;
  const staff = can(viewer.user, "summary:manage");
  if (!record || (!record.publishedAt && !staff)) notFound(t("admin:summary.error.noRecord"));
  if (record.publishedAt && record.visibility !== "PUBLIC" && !staff && !(await confirmedParticipant(meeting.id, viewer))) {
    if (!viewer.user) {
      const url = new URL(request.url);
      throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname)}`);
    }
    forbidden(t("admin:summary.error.participantsOnly"));
  }
  const { summaryRecord: _r, ...m } = meeting;
  return { meeting: m, record, latest: record.document?.versions[0] ?? null };
}

/** The record as the reading page shows it: rendered now, from the body and the current records. */
export async function readSummary(request: Request, slug: string, viewer: Viewer) {
  const { meeting, record, latest } = await requireReadableSummary(request, slug, viewer);
  return {
    meeting,
    publishedAt: record.publishedAt,
    visibility: record.visibility,
    hasPdf: !!latest && !!record.publishedAt,
    rendered: renderSummary(record.body, await summaryRecords(meeting.id, await languageOf(request))),
  };
}

/** The newest published PDF, for the download route (after the same access check as the page). */
export async function summaryPdfFile(request: Request, slug: string, viewer: Viewer) {
  const { record, latest } = await requireReadableSummary(request, slug, viewer);
  const t = await fixedT(request);
  if (!record.publishedAt || !latest) notFound(t("admin:summary.error.noPdf"));
  const bytes = await readFileBytes(latest.fileId);
  if (!bytes) notFound(t("admin:summary.error.pdfMissing"));
  return { file: latest.file, bytes };
}

/** For the meeting page (part of its public reference data, decision 093): the link to the published summary record, and whom it is for. */
export async function publishedSummaryLink(slug: string) {
  const r = await db.summaryRecord.findFirst({ where: { meeting: { slug }, publishedAt: { not: null } }, select: { visibility: true } });
  return r ? { href: `/meetings/${slug}/summary`, participantsOnly: r.visibility !== "PUBLIC" } : null;
}
