import crypto from "node:crypto";
import { key } from "~/i18n/translate";
import { asLanguage, type Language } from "~/i18n/config";
import { localized, otherLanguage, translationsIn, type TranslationOf } from "~/domain/content/localized";
import { db, type Tx, type Prisma } from "~/utils/db.server";
import { audit } from "~/domain/audit/audit.server";
import type { Actor } from "~/domain/auth/roles";
import { badRequest, notFound } from "~/utils/http.server";
import { enqueueNewMails, type NewMail } from "./outbox.server";
import { INSERT_CHUNK } from "~/utils/insert-many.server";
import type { RegistrationStatus } from "~/domain/registration/registration.schema";
import type { OutboxStatus } from "./outbox.server";
import { followUpMail, type FollowUpContent } from "./templates.server";
import type { Audience, FollowUpInput } from "./followup.schema";

// Follow-ups after a meeting: the secretariat composes one, saves it as a draft (one DRAFT outbox
// message per recipient, reviewable), then sends it (DRAFT -> QUEUED in one transaction). Each
// agency's copy lists the recommendations that agency leads from this meeting and, marked, those it supports.
// Its subject and summary may have a version in the other language (decision 080): each recipient gets
// the version in their language (decision 081), else the original.

export type Recipients = { audience: Audience; agencyIds?: string[]; statuses?: RegistrationStatus[] };

const meetingSelect = {
  id: true, slug: true, title: true, venue: true, room: true, city: true, timeZone: true, startsAt: true, endsAt: true,
  onlineLink: true, status: true, summaryRecord: { select: { publishedAt: true } },
  // both languages' titles (one row at most): the follow-up's copies are rendered for each
  language: true, translations: { select: { language: true, title: true } },
} as const;

export async function getMailMeeting(meetingId: string) {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { ...meetingSelect, reminderOffsets: true } });
  if (!meeting) notFound(key("common:error.notFound.meeting"));
  return meeting;
}

function recipientWhere(meetingId: string, r: Recipients): Prisma.RegistrationWhereInput {
  const base = { meetingId, anonymisedAt: null };
  switch (r.audience) {
    case "ATTENDEES":
      return { ...base, attendance: "ATTENDED" };
    case "CONFIRMED":
      return { ...base, status: "CONFIRMED" };
    case "AGENCIES":
      return { ...base, status: "CONFIRMED", agencyId: { in: r.agencyIds ?? [] } };
    case "STATUS":
      return { ...base, status: { in: r.statuses ?? [] } };
    case "NO_SHOWS":
      return { ...base, status: "CONFIRMED", attendance: "NO_SHOW" };
  }
}

export function countRecipients(meetingId: string, r: Recipients): Promise<number> {
  return db.registration.count({ where: recipientWhere(meetingId, r) });
}

/** Agencies with registrations at the meeting, for the recipient and preview choices. */
export async function meetingAgencies(meetingId: string) {
  return db.agency.findMany({
    where: { registrations: { some: { meetingId } } },
    orderBy: { sortName: "asc" },
    select: { id: true, name: true, acronym: true },
  });
}

/** Returns the agency ids that are not among the meeting's agencies (for a field error). */
export async function unknownAgencyIds(meetingId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const known = new Set((await meetingAgencies(meetingId)).map((a) => a.id));
  return ids.filter((id) => !known.has(id));
}

type FollowUpText = { subject: string; summary: string; language: string; translations: TranslationOf<"subject" | "summary">[] };

/** The composer's subject and summary as a row with its translation, as the database keeps them. */
function textOf(input: FollowUpInput): FollowUpText {
  const translation = { language: otherLanguage(input.language), subject: input.translatedSubject, summary: input.translatedSummary };
  return { subject: input.subject, summary: input.summary, language: input.language, translations: translation.subject || translation.summary ? [translation] : [] };
}

/** The follow-up's content for a recipient reading `reader`: each column translated when it is, else the original. */
function followUpContentIn(input: FollowUpInput, reader: Language): FollowUpContent {
  const row = textOf(input);
  const subject = localized(row, "subject", reader, row.language);
  const summary = localized(row, "summary", reader, row.language);
  return { subject: subject.text, summary: summary.text, lang: { subject: subject.lang, summary: summary.lang }, documents: input.documents, nextSessionAt: input.nextSessionAt };
}

/** The copy of one agency in one language (the recipients' language, decision 081). */
async function agencyCopy(
  tx: Tx,
  meeting: Awaited<ReturnType<typeof getMailMeeting>>,
  input: FollowUpInput,
  agency: { id: string; name: string } | null,
  language: Language,
) {
  const content = followUpContentIn(input, language);
  const live = { meetingId: meeting.id, status: { notIn: ["NOT_ADOPTED" as const, "SUPERSEDED" as const] } };
  const select = {
    code: true, title: true, dueDate: true, leadAgency: { select: { name: true, acronym: true } },
    language: true, translations: translationsIn(language, { title: true }),
  } as const;
  const led = agency ? await tx.recommendation.findMany({ where: { ...live, leadAgencyId: agency.id }, orderBy: { code: "asc" }, select }) : [];
  const supported = agency
    ? await tx.recommendation.findMany({
        where: { ...live, leadAgencyId: { not: agency.id }, supporters: { some: { agencyId: agency.id } } },
        orderBy: { code: "asc" },
        select,
      })
    : [];
  const item = (r: (typeof led)[number]) => ({
    code: r.code,
    title: localized(r, "title", language, r.language).text,
    dueDate: r.dueDate,
    lead: r.leadAgency.acronym || r.leadAgency.name,
  });
  const title = localized(meeting, "title", language, meeting.language).text;
  const mail = await followUpMail({
    meeting: { ...meeting, title },
    content,
    agencyName: agency?.name ?? null,
    recommendations: { led: led.map(item), supported: supported.map(item) },
    language,
  });
  // The words around the content are in the recipient's language; the content may be the original's.
  const contentLanguage = [...new Set([language, content.lang.subject, content.lang.summary])].join(", ");
  return { ...mail, headers: { "Content-Language": contentLanguage } };
}

/** The mail as one agency's participants would get it, without saving anything. */
export async function previewFollowUp(meetingId: string, input: FollowUpInput, agencyId: string | null, language: Language = "en") {
  const meeting = await getMailMeeting(meetingId);
  const agency = agencyId ? await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true } }) : null;
  return agencyCopy(db, meeting, input, agency, language);
}

/** The compose form's submission key (see createFollowUpDraft). */
export function newSubmissionKey(): string {
  return crypto.randomBytes(18).toString("base64url");
}

type DraftResult = { id: string; recipients: number; existing: boolean };

/** The draft an earlier submit of the same compose form made, if any. */
async function draftForSubmission(meetingId: string, submissionKey: string): Promise<DraftResult | null> {
  const f = await db.followUp.findUnique({ where: { submissionKey }, select: { id: true, meetingId: true, _count: { select: { messages: true } } } });
  if (!f) return null;
  if (f.meetingId !== meetingId) badRequest(key("common:error.refused.formOfOtherMeeting"));
  return { id: f.id, recipients: f._count.messages, existing: true };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/**
 * Saves the follow-up and one DRAFT outbox message per recipient. Returns null when nobody matches.
 * The compose form carries a random submission key: a second submit of the same form (double click,
 * back and submit again, two tabs) returns the draft the first one made. The unique constraint on the
 * key decides races; the loser of a race finds the winner's draft (docs/decisions/054).
 */
export async function createFollowUpDraft(actor: Actor, meetingId: string, input: FollowUpInput): Promise<DraftResult | null> {
  const meeting = await getMailMeeting(meetingId);
  const key = input.submissionKey || null;
  if (key) {
    const earlier = await draftForSubmission(meeting.id, key);
    if (earlier) return earlier;
  }
  try {
    return await insertFollowUpDraft(actor, meeting, input, key);
  } catch (e) {
    if (!key || !isUniqueViolation(e)) throw e;
    const earlier = await draftForSubmission(meeting.id, key);
    if (!earlier) throw e;
    return earlier;
  }
}

async function insertFollowUpDraft(
  actor: Actor,
  meeting: Awaited<ReturnType<typeof getMailMeeting>>,
  input: FollowUpInput,
  submissionKey: string | null,
): Promise<DraftResult | null> {
  const recipients: Recipients = { audience: input.audience, agencyIds: input.agencyIds, statuses: input.statuses };
  const where = recipientWhere(meeting.id, recipients);
  // One rendering per agency and language (the copies differ only by the agency's recommendations and the
  // recipients' language, decision 081), done before the transaction so the database's write lock is not
  // held while React renders (on SQLite, every other write waits for it). A copy whose first recipient
  // registered in between is rendered inside.
  type Copy = Awaited<ReturnType<typeof agencyCopy>>;
  const copies = new Map<string, Copy>();
  const copyKey = (agencyId: string | null | undefined, language: Language) => `${agencyId ?? ""}:${language}`;
  const groups = await db.registration.groupBy({ by: ["agencyId", "language"], where });
  const ids = [...new Set(groups.flatMap((g) => (g.agencyId ? [g.agencyId] : [])))];
  const agencies = new Map((ids.length ? await db.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []).map((a) => [a.id, a]));
  for (const g of groups) {
    const language = asLanguage(g.language);
    const agency = g.agencyId ? agencies.get(g.agencyId) : null;
    if (g.agencyId && !agency) continue;
    copies.set(copyKey(g.agencyId, language), await agencyCopy(db, meeting, input, agency ?? null, language));
  }
  return db.$transaction(
    async (tx) => {
      const registrations = await tx.registration.findMany({
        where,
        orderBy: { sortName: "asc" },
        select: { id: true, name: true, email: true, language: true, agency: { select: { id: true, name: true } } },
      });
      if (registrations.length === 0) return null;
      const followUp = await tx.followUp.create({
        data: {
          meetingId: meeting.id,
          subject: input.subject,
          summary: input.summary,
          language: input.language,
          // empty = missing; no row when both are (decision 080)
          ...(input.translatedSubject || input.translatedSummary
            ? { translations: { create: { language: otherLanguage(input.language), subject: input.translatedSubject, summary: input.translatedSummary } } }
            : {}),
          documents: input.documents.join("\n"),
          nextSessionAt: input.nextSessionAt,
          recipients,
          status: "DRAFT",
          createdById: actor.id,
          submissionKey,
        },
        select: { id: true },
      });
      // Set-based inserts, a chunk at a time.
      for (let i = 0; i < registrations.length; i += INSERT_CHUNK) {
        const mails: NewMail[] = [];
        for (const r of registrations.slice(i, i + INSERT_CHUNK)) {
          const language = asLanguage(r.language);
          const key = copyKey(r.agency?.id, language);
          let mail = copies.get(key);
          if (!mail) {
            mail = await agencyCopy(tx, meeting, input, r.agency, language);
            copies.set(key, mail);
          }
          mails.push({
            ...mail,
            kind: "follow-up",
            to: { email: r.email, name: r.name },
            idempotencyKey: `follow-up:${followUp.id}:${r.id}`,
            essential: false,
            status: "DRAFT",
            meetingId: meeting.id,
            registrationId: r.id,
            followUpId: followUp.id,
          });
        }
        await enqueueNewMails(tx, mails);
      }
      await audit(tx, {
        userId: actor.id,
        entity: "FollowUp",
        entityId: followUp.id,
        meetingId: meeting.id,
        action: "draft",
        after: { subject: input.subject, recipients: registrations.length },
      });
      return { id: followUp.id, recipients: registrations.length, existing: false };
    },
    { timeout: 120_000 },
  );
}

async function requireFollowUp(tx: Tx, meetingId: string, followUpId: string) {
  const f = await tx.followUp.findFirst({ where: { id: followUpId, meetingId }, select: { id: true, status: true, subject: true } });
  if (!f) notFound(key("common:error.notFound.followUp"));
  return f;
}

/**
 * Releases every draft message of the follow-up to the worker at once. Returns null when it was
 * already sent. DRAFT -> QUEUED is a conditional update, the first write of the transaction: of two
 * concurrent sends (double click, two tabs, two app instances) exactly one moves it and queues the mail.
 */
export async function sendFollowUp(actor: Actor, meetingId: string, followUpId: string): Promise<number | null> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const moved = await tx.followUp.updateMany({
      where: { id: followUpId, meetingId, status: "DRAFT" },
      data: { status: "QUEUED", queuedAt: now },
    });
    if (moved.count === 0) {
      await requireFollowUp(tx, meetingId, followUpId);
      return null;
    }
    const { count } = await tx.outboxMessage.updateMany({
      where: { followUpId, status: "DRAFT" },
      data: { status: "QUEUED", nextAttemptAt: now },
    });
    await audit(tx, { userId: actor.id, entity: "FollowUp", entityId: followUpId, meetingId, action: "send", after: { messages: count } });
    return count;
  });
}

/** Throws a draft away: its messages were never sent, so nothing stays in the mail log. */
export async function discardFollowUp(actor: Actor, meetingId: string, followUpId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const f = await requireFollowUp(tx, meetingId, followUpId);
    if (f.status !== "DRAFT") return false;
    await tx.outboxMessage.deleteMany({ where: { followUpId, status: "DRAFT" } });
    await tx.followUp.delete({ where: { id: followUpId } });
    await audit(tx, { userId: actor.id, entity: "FollowUp", entityId: followUpId, meetingId, action: "discard", before: { subject: f.subject } });
    return true;
  });
}

/** Puts the follow-up's failed messages back in the queue (same rows, same Message-IDs). */
export async function retryFailedFollowUp(actor: Actor, meetingId: string, followUpId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    await requireFollowUp(tx, meetingId, followUpId);
    const { count } = await tx.outboxMessage.updateMany({
      where: { followUpId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (count) {
      await tx.followUp.update({ where: { id: followUpId }, data: { status: "QUEUED" } });
      await audit(tx, { userId: actor.id, entity: "FollowUp", entityId: followUpId, meetingId, action: "retry-failed", after: { messages: count } });
    }
    return count;
  });
}

export type Progress = Record<OutboxStatus, number> & { total: number };

export async function followUpProgress(followUpIds: string[]): Promise<Map<string, Progress>> {
  const groups = followUpIds.length
    ? await db.outboxMessage.groupBy({ by: ["followUpId", "status"], where: { followUpId: { in: followUpIds } }, _count: { _all: true } })
    : [];
  const out = new Map<string, Progress>();
  for (const id of followUpIds) out.set(id, { DRAFT: 0, QUEUED: 0, SENDING: 0, SENT: 0, FAILED: 0, CANCELLED: 0, total: 0 });
  for (const g of groups) {
    const p = out.get(g.followUpId!)!;
    p[g.status as keyof Omit<Progress, "total">] += g._count._all;
    p.total += g._count._all;
  }
  return out;
}

export async function listFollowUps(meetingId: string) {
  const followUps = await db.followUp.findMany({
    where: { meetingId },
    orderBy: { createdAt: "desc" },
    select: { id: true, subject: true, status: true, createdAt: true, queuedAt: true, createdBy: { select: { name: true } } },
  });
  const progress = await followUpProgress(followUps.map((f) => f.id));
  return followUps.map((f) => ({ ...f, progress: progress.get(f.id)! }));
}

export async function getFollowUp(meetingId: string, followUpId: string, preview: { agencyId: string | null; language: Language | null }) {
  const f = await db.followUp.findFirst({
    where: { id: followUpId, meetingId },
    select: {
      id: true, subject: true, summary: true, documents: true, nextSessionAt: true, recipients: true, status: true,
      createdAt: true, queuedAt: true, createdBy: { select: { name: true } },
      language: true, translations: { select: { language: true, subject: true, summary: true } },
    },
  });
  if (!f) notFound(key("common:error.notFound.followUp"));
  const progress = (await followUpProgress([f.id])).get(f.id)!;
  if (f.status === "QUEUED" && followUpIsDone(progress)) {
    // The worker knows messages, not follow-ups: the first look after the last message settles it.
    await db.followUp.updateMany({ where: { id: f.id, status: "QUEUED" }, data: { status: "SENT" } });
    f.status = "SENT";
  }
  // A sample message of the chosen agency's copy in the chosen language: exactly what those recipients receive.
  const sample = await db.outboxMessage.findFirst({
    where: {
      followUpId: f.id,
      ...(preview.agencyId || preview.language
        ? { registration: { ...(preview.agencyId ? { agencyId: preview.agencyId } : {}), ...(preview.language ? { language: preview.language } : {}) } }
        : {}),
    },
    select: { html: true, toEmail: true, registration: { select: { agency: { select: { name: true } } } } },
  });
  const agencies = await db.agency.findMany({
    where: { registrations: { some: { outbox: { some: { followUpId: f.id } } } } },
    orderBy: { sortName: "asc" },
    select: { id: true, name: true },
  });
  const { translations: _t, ...rest } = f;
  return { ...rest, versions: versionsOf(f), recipients: f.recipients as Recipients, progress, sample, agencies };
}

/**
 * The follow-up's text in both languages, the original first: what the organiser reviews. A missing
 * column (empty) goes out in the original's version to the readers of the other language.
 */
function versionsOf(f: { subject: string; summary: string; language: string; translations: TranslationOf<"subject" | "summary">[] }) {
  const original = asLanguage(f.language);
  const other = otherLanguage(original);
  const t = f.translations.find((x) => x.language === other);
  return [
    { language: original, original: true, subject: f.subject, summary: f.summary },
    { language: other, original: false, subject: t?.subject.trim() ?? "", summary: t?.summary.trim() ?? "" },
  ];
}

export function followUpIsDone(p: Progress): boolean {
  return p.QUEUED + p.SENDING === 0;
}
