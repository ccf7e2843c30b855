import { languageOfAddress, languageOfUser } from "~/domain/mail/language.server";
import { tFor } from "~/i18n/i18n.server";
import { writePublic } from "~/domain/meetings/public-cache.server";
import { audit } from "~/domain/audit/audit.server";
import type { Language } from "~/i18n/config";
import { key } from "~/i18n/translate";
import { localizeText, localizeTitle, recommendationTextIn, recommendationTitleIn, recommendationTitles, titleFor } from "./translations.server";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import type { CheckedUpload } from "~/domain/documents/files.server";
import { enqueueMail } from "~/domain/mail/outbox.server";
import { db } from "~/utils/db.server";
import { formatShortDate, toDateInput } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { Refused, fieldRefusal, formRefusal, type Outcome } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { checkEvidenceFile, evidenceChosen, evidenceFileSelect, evidenceFileView, storeEvidence } from "./evidence.server";
import { progressRequestMail, progressReturnedMail } from "./mail.server";
import type { ProgressUpdateInput } from "./recommendation.schema";
import { applyStatusChange, requireVisibleRecommendation } from "./recommendations.server";
import { CLOSED_STATUSES, CLOSING_STATUSES, canTransition, type Status } from "./status";

// Progress updates: a focal point (signed in, or through a single-use link sent by email) reports
// what was done; the secretariat accepts the update, which applies its status and progress through
// the same workflow rules, or returns it with a note. An update may carry evidence as a link, a file
// (docs/decisions/077-progress-evidence.md), or both.

export const PROGRESS_LINK_DAYS = 30;

/**
 * Checks a report before anything is written: the proposed status (early, so the focal point sees the
 * problem at once; acceptance checks again) and the evidence file, if one was chosen. Both kinds of
 * problem come back together, as field errors.
 */
async function checkReport(current: Status, input: ProgressUpdateInput, language: Language): Promise<Outcome<{ file: CheckedUpload | null }>> {
  const fieldErrors: Record<string, string[]> = {};
  if (CLOSED_STATUSES.includes(current)) {
    fieldErrors.text = [key("recommendations:error.closedNoUpdates")];
  } else if (input.newStatus && input.newStatus !== current && !canTransition(current, input.newStatus)) {
    fieldErrors.newStatus = [key("recommendations:error.transitionNotAllowed")];
  } else if (input.newStatus && input.newStatus !== current && CLOSING_STATUSES.includes(input.newStatus) && !input.evidenceUrl && !evidenceChosen(input.evidenceFile)) {
    fieldErrors.evidenceUrl = [key("recommendations:error.closeNeedsEvidence")];
  } else if (input.newStatus === "SUPERSEDED") {
    fieldErrors.newStatus = [key("recommendations:error.supersededBySecretariat")];
  }
  const file = await checkEvidenceFile(input.evidenceFile, language);
  if (!file.ok) return { ok: false, fieldErrors: { ...fieldErrors, ...file.fieldErrors } };
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : file;
}

/** The report's fields as the audit log keeps them (the file is logged by what was stored). */
const reported = ({ evidenceFile: _file, ...fields }: ProgressUpdateInput) => fields;

/**
 * A signed-in focal point (for an agency leading or supporting it) or the secretariat reports progress,
 * optionally with an evidence file (checked here).
 */
export async function submitProgressUpdate(actor: Actor, recommendationId: string, input: ProgressUpdateInput, language: Language = "en"): Promise<Outcome> {
  await requireVisibleRecommendation(actor, recommendationId, "recommendations:progress");
  const rec = await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId }, select: { status: true, meetingId: true } });
  const check = await checkReport(rec.status, input, language);
  if (!check.ok) return check;
  return db.$transaction(async (tx) => {
    const { evidenceFileId, audited } = await storeEvidence(tx, check.file, actor.id);
    const u = await tx.progressUpdate.create({
      data: {
        recommendationId,
        authorId: actor.id,
        authorName: actor.name,
        agencyId: actor.agencyId,
        text: input.text,
        newStatus: input.newStatus ?? null,
        newProgress: input.newProgress ?? null,
        evidenceUrl: input.evidenceUrl ?? "",
        evidenceFileId,
      },
      select: { id: true },
    });
    await audit(tx, { userId: actor.id, entity: "ProgressUpdate", entityId: u.id, meetingId: rec.meetingId, action: "submit", after: { recommendationId, ...reported(input), evidenceFile: audited } });
    return { ok: true as const, id: u.id };
  });
}

export async function reviewQueue(actor: Actor, language: Language) {
  assertCan(actor, "recommendations:manage");
  const updates = await db.progressUpdate.findMany({
    where: { state: "SUBMITTED" },
    orderBy: { createdAt: "asc" },
    take: 200,
    include: {
      agency: { select: { acronym: true } },
      evidenceFile: evidenceFileSelect,
      recommendation: { select: { id: true, code: true, title: true, status: true, progress: true, leadAgency: { select: { acronym: true } }, ...recommendationTitleIn(language) } },
    },
  });
  return updates.map(({ evidenceFile, ...u }) => ({ ...u, recommendation: localizeTitle(u.recommendation, language), evidenceFile: evidenceFileView(evidenceFile, language) }));
}

export async function acceptProgressUpdate(actor: Actor, updateId: string, reviewNote = ""): Promise<Outcome> {
  assertCan(actor, "recommendations:manage");
  try {
    return await writePublic(async (tx) => {
      const u = await tx.progressUpdate.findUnique({
        where: { id: updateId },
        include: { recommendation: { select: { status: true, progress: true, meetingId: true } }, evidenceFile: { select: { filename: true } } },
      });
      if (!u) notFound(key("common:error.notFound.progressUpdate"));
      if (u.state !== "SUBMITTED") return { ok: false as const, fieldErrors: { updateId: [key("recommendations:error.alreadyReviewedUpdate")] } };
      const status = u.newStatus ?? u.recommendation.status;
      const progress = u.newProgress ?? undefined;
      const changes = status !== u.recommendation.status || (progress !== undefined && progress !== u.recommendation.progress);
      if (changes) {
        await applyStatusChange(tx, actor, u.recommendationId, {
          toStatus: status,
          progress,
          closingEvidence: [u.evidenceUrl, u.evidenceFile ? `evidence file “${u.evidenceFile.filename}”` : "", reviewNote].filter(Boolean).join(" — "),
          note: `Progress update from ${u.authorName} accepted${reviewNote ? `: ${reviewNote}` : ""}`,
        });
      }
      await tx.progressUpdate.update({ where: { id: updateId }, data: { state: "ACCEPTED", reviewNote, reviewedById: actor.id, reviewedAt: new Date() } });
      await audit(tx, { userId: actor.id, entity: "ProgressUpdate", entityId: updateId, meetingId: u.recommendation.meetingId, action: "accept", after: { reviewNote } });
      return { ok: true as const, id: u.recommendationId };
    });
  } catch (e) {
    if (e instanceof Refused) return fieldRefusal("updateId", e.message);
    throw e;
  }
}

export async function returnProgressUpdate(actor: Actor, updateId: string, reviewNote: string): Promise<Outcome> {
  assertCan(actor, "recommendations:manage");
  return db.$transaction(async (tx) => {
    const u = await tx.progressUpdate.findUnique({ where: { id: updateId }, include: { recommendation: { select: { meetingId: true, code: true, title: true, ...recommendationTitles } } } });
    if (!u) notFound(key("common:error.notFound.progressUpdate"));
    if (u.state !== "SUBMITTED") return { ok: false as const, fieldErrors: { updateId: [key("recommendations:error.alreadyReviewedUpdate")] } };
    await tx.progressUpdate.update({ where: { id: updateId }, data: { state: "RETURNED", reviewNote, reviewedById: actor.id, reviewedAt: new Date() } });
    await audit(tx, { userId: actor.id, entity: "ProgressUpdate", entityId: updateId, meetingId: u.recommendation.meetingId, action: "return", after: { reviewNote } });
    // Tell the author why, whether they wrote it signed in or through a progress link.
    const author = u.authorId ? await tx.user.findUnique({ where: { id: u.authorId }, select: { email: true, name: true, locale: true } }) : null;
    const link = !author && u.progressLinkId ? await tx.progressLink.findUnique({ where: { id: u.progressLinkId }, select: { email: true } }) : null;
    const to = author ? { email: author.email, name: author.name } : link ? { email: link.email, name: u.authorName } : null;
    if (to) {
      const language = author ? languageOfUser(author) : await languageOfAddress(tx, to.email);
      const mail = await progressReturnedMail({ name: to.name, code: u.recommendation.code, title: titleFor(u.recommendation, language), note: reviewNote, url: `${env().APP_URL}/recommendations/${u.recommendationId}`, language });
      await enqueueMail(tx, { ...mail, kind: "progress-returned", to, idempotencyKey: `progress-returned:${updateId}`, essential: false, meetingId: u.recommendation.meetingId });
    }
    return { ok: true as const, id: u.recommendationId };
  });
}

// ---------------------------------------------------------------- secure progress links

/**
 * Sends each focal point of the lead agency a single-use link to report progress. Returns how many
 * were asked, or a refusal when the agency has no focal point.
 */
export async function requestProgress(actor: Actor, recommendationId: string): Promise<Outcome<{ count: number }>> {
  assertCan(actor, "recommendations:manage");
  const rec = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      id: true, code: true, title: true, status: true, progress: true, dueDate: true, meetingId: true, meeting: { select: { timeZone: true } }, leadAgency: { select: { id: true, acronym: true } },
      ...recommendationTitles,
    },
  });
  if (!rec) notFound(key("common:error.notFound.recommendation"));
  if (CLOSED_STATUSES.includes(rec.status)) return formRefusal(key("recommendations:error.closedNothingToReport"));
  const focalPoints = await db.user.findMany({ where: { role: "FOCAL_POINT", agencyId: rec.leadAgency.id }, select: { email: true, name: true, locale: true } });
  if (!focalPoints.length) return formRefusal(key("recommendations:error.noFocalPoint"));
  const expiresAt = new Date(Date.now() + PROGRESS_LINK_DAYS * 24 * 3600_000);
  const mails = await Promise.all(
    focalPoints.map(async (fp) => {
      const { token, hash } = newToken();
      const language = languageOfUser(fp);
      const mail = await progressRequestMail({
        name: fp.name,
        code: rec.code,
        title: titleFor(rec, language),
        agency: rec.leadAgency.acronym,
        status: tFor(language)(`mail:recommendationStatus.${rec.status}`),
        progress: rec.progress,
        dueDate: rec.dueDate ? toDateInput(rec.dueDate, rec.meeting.timeZone) : null,
        url: `${env().APP_URL}/progress/${token}`,
        expires: formatShortDate(expiresAt, "UTC", language),
        language,
      });
      return { fp, hash, mail };
    }),
  );
  await db.$transaction(async (tx) => {
    for (const { fp, hash, mail } of mails) {
      const link = await tx.progressLink.create({ data: { recommendationId: rec.id, agencyId: rec.leadAgency.id, email: fp.email, tokenHash: hash, expiresAt }, select: { id: true } });
      await enqueueMail(tx, { ...mail, kind: "progress-request", to: { email: fp.email, name: fp.name }, idempotencyKey: `progress-request:${link.id}`, essential: false, meetingId: rec.meetingId });
    }
    await audit(tx, { userId: actor.id, entity: "Recommendation", entityId: rec.id, meetingId: rec.meetingId, action: "request-progress", after: { to: focalPoints.map((f) => f.email) } });
  });
  return { ok: true, count: focalPoints.length };
}

export type LinkState =
  | {
      ok: true;
      linkId: string;
      email: string;
      agency: { id: string; acronym: string };
      recommendation: { id: string; code: string; title: string; text: string; lang: { title: Language; text: Language }; status: Status; progress: number; dueDate: Date | null; timeZone: string };
    }
  | { ok: false; reason: string };

/** The link's state; the recommendation's title and text in the reader's language when translated, else the original's (`lang`). */
export async function readProgressLink(token: string, language: Language): Promise<LinkState> {
  if (!token || token.length > 100) return { ok: false, reason: key("recommendations:error.linkInvalid") };
  const link = await db.progressLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      agency: { select: { id: true, acronym: true } },
      recommendation: {
        select: { id: true, code: true, title: true, text: true, ...recommendationTextIn(language), status: true, progress: true, dueDate: true, meeting: { select: { timeZone: true } } },
      },
    },
  });
  if (!link) return { ok: false, reason: key("recommendations:error.linkUnknown") };
  if (link.usedAt) return { ok: false, reason: key("recommendations:error.linkUsed") };
  if (link.expiresAt < new Date()) return { ok: false, reason: key("recommendations:error.linkExpired") };
  const { meeting, language: _original, ...r } = localizeText(link.recommendation, language);
  return { ok: true, linkId: link.id, email: link.email, agency: link.agency, recommendation: { ...r, timeZone: meeting.timeZone } };
}

/**
 * One report per link: the link is marked used in the same transaction that stores the report. A link
 * that no longer works answers its state (`reason`, shown instead of the form); a refused report, a refusal.
 */
export async function submitViaProgressLink(token: string, input: ProgressUpdateInput, language: Language = "en"): Promise<Outcome | Extract<LinkState, { ok: false }>> {
  const state = await readProgressLink(token, language);
  if (!state.ok) return state;
  const check = await checkReport(state.recommendation.status, input, language);
  if (!check.ok) return check;
  const author = await db.user.findUnique({ where: { email: state.email }, select: { id: true, name: true } });
  return db.$transaction(async (tx) => {
    const claimed = await tx.progressLink.updateMany({ where: { id: state.linkId, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) return { ok: false as const, reason: key("recommendations:error.linkJustUsed") };
    // Only after the claim: a link lost to a concurrent report returns above with nothing written.
    const { evidenceFileId, audited } = await storeEvidence(tx, check.file, author?.id ?? null);
    const u = await tx.progressUpdate.create({
      data: {
        recommendationId: state.recommendation.id,
        authorId: author?.id ?? null,
        authorName: author?.name ?? state.email,
        agencyId: state.agency.id,
        text: input.text,
        newStatus: input.newStatus ?? null,
        newProgress: input.newProgress ?? null,
        evidenceUrl: input.evidenceUrl ?? "",
        progressLinkId: state.linkId,
        evidenceFileId,
      },
      select: { id: true },
    });
    await audit(tx, { userId: author?.id ?? null, entity: "ProgressUpdate", entityId: u.id, action: "submit-by-link", after: { recommendationId: state.recommendation.id, ...reported(input), evidenceFile: audited } });
    return { ok: true as const, id: u.id };
  });
}
