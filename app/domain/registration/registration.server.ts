import { key, type TKey } from "~/i18n/translate";
import { Prisma as PrismaSql } from "~/generated/prisma/client.ts";
import { db, dialect, transaction, type Prisma, type Tx } from "~/utils/db.server";
import { sortKey } from "~/utils/sort-key";
import crypto from "node:crypto";
import { fieldRefusal, formRefusal, type Outcome, type Refusal } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { hashToken } from "~/utils/tokens.server";
import { audit, auditMany } from "~/domain/audit/audit.server";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { exportSelect } from "~/domain/privacy/personal-data.server";
import type { IcsMeeting } from "~/domain/meetings/ics.server";
import { enqueueNewMails, type NewMail } from "~/domain/mail/outbox.server";
import { INSERT_CHUNK, insertMany, type ColumnKind } from "~/utils/insert-many.server";
import { asLanguage, isLanguage, type Language } from "~/i18n/config";
import { privateLinkToken, queueLinkMail, statusMail, type StatusMailKind } from "./mail.server";
import type { RegistrationRole, RegistrationStatus } from "./registration.schema";

// Registration rules: seat allocation, agency quotas, reserved seats, the waiting list and every
// status change. Anything that touches seats runs in one transaction that first locks the meeting
// and only then reads, so the answer is the same on SQLite and PostgreSQL and with several app
// processes (docs/decisions/020-seat-allocation.md, 060-postgresql.md). The lock is held briefly:
// rows are written set-based and mail is queued unrendered (the worker renders it).

/** Statuses that hold a seat: a pending request keeps its seat while the organisers decide. */
export const HOLDS_SEAT: RegistrationStatus[] = ["CONFIRMED", "PENDING"];
const ACTIVE: RegistrationStatus[] = ["CONFIRMED", "PENDING", "WAITLISTED"];

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const MEETING_FOR_MAIL = {
  id: true,
  slug: true,
  title: true,
  description: true,
  venue: true,
  room: true,
  city: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  status: true,
  icsSequence: true,
  organiserName: true,
  organiserEmail: true,
  updatedAt: true,
  capacity: true,
  visibility: true,
  approvalMode: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  privacyNoticeVersion: true,
} as const;

export type SeatMeeting = IcsMeeting & {
  capacity: number | null;
  visibility: string;
  approvalMode: string;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  privacyNoticeVersion: string;
};

// ---------------------------------------------------------------- seats

export type SeatState = {
  capacity: number | null;
  taken: number;
  byAgency: Map<string, number>;
  delegations: { id?: string; agencyId: string; quota: number | null; reservedSeats: number }[];
};

export type SeatCheck = { seat: boolean; overQuota: boolean; quota: number | null; quotaLeft: number | null };

/**
 * Whether a person of `agencyId` can hold a seat now. Seats reserved for other agencies and not yet
 * used by them are out of reach; an agency's own reserved seats are open to it. The quota counts the
 * agency's confirmed and pending registrations.
 */
export function checkSeat(state: SeatState, agencyId: string | null): SeatCheck {
  const own = agencyId ? state.delegations.find((d) => d.agencyId === agencyId) : undefined;
  const used = agencyId ? (state.byAgency.get(agencyId) ?? 0) : 0;
  const quota = own?.quota ?? null;
  const quotaLeft = quota === null ? null : Math.max(0, quota - used);
  const overQuota = quotaLeft !== null && quotaLeft <= 0;
  if (state.capacity === null) return { seat: !overQuota, overQuota, quota, quotaLeft };
  const heldForOthers = state.delegations
    .filter((d) => d.agencyId !== agencyId)
    .reduce((sum, d) => sum + Math.max(0, d.reservedSeats - (state.byAgency.get(d.agencyId) ?? 0)), 0);
  const free = state.capacity - state.taken - heldForOthers;
  return { seat: free > 0 && !overQuota, overQuota, quota, quotaLeft };
}

/**
 * Takes the meeting's lock; call it first in the transaction, before anything about the meeting is
 * read. PostgreSQL: a row lock, so concurrent seat transactions for the meeting (from any process)
 * wait here until the first commits; FOR NO KEY UPDATE does not block inserts that merely reference
 * the meeting. SQLite: the transaction already holds the database's one write lock, taken by its
 * BEGIN IMMEDIATE (app/utils/db.server.ts), so there is nothing more to take.
 */
export async function lockMeeting(tx: Tx, meetingId: string): Promise<void> {
  if (dialect() === "postgresql") await tx.$queryRaw`SELECT 1 FROM "Meeting" WHERE "id" = ${meetingId} FOR NO KEY UPDATE`;
}

/** Counts a seat taken in the state, as seatState would after the write. */
function takeSeat(state: SeatState, agencyId: string | null): void {
  state.taken++;
  if (agencyId) state.byAgency.set(agencyId, (state.byAgency.get(agencyId) ?? 0) + 1);
}

// The reads under the seat lock are plain SQL: the same on both databases, and far cheaper per call
// than a model query, whose plan Prisma 6 compiles on every call (issue 10). Statuses are literals
// from the one list, so the comparison also works against a PostgreSQL enum column.
const HOLDS_SEAT_SQL = PrismaSql.raw(HOLDS_SEAT.map((s) => `'${s}'`).join(", "));

export async function seatState(tx: Tx, meetingId: string, capacity: number | null): Promise<SeatState> {
  const groups = await tx.$queryRaw<{ agencyId: string | null; n: number | bigint }[]>`
    SELECT "agencyId", COUNT(*) AS "n" FROM "Registration"
    WHERE "meetingId" = ${meetingId} AND "status" IN (${HOLDS_SEAT_SQL}) GROUP BY "agencyId"`;
  const delegations = await tx.$queryRaw<{ id: string; agencyId: string; quota: number | bigint | null; reservedSeats: number | bigint }[]>`
    SELECT "id", "agencyId", "quota", "reservedSeats" FROM "Delegation" WHERE "meetingId" = ${meetingId}`;
  const byAgency = new Map<string, number>();
  let taken = 0;
  for (const g of groups) {
    taken += Number(g.n);
    if (g.agencyId) byAgency.set(g.agencyId, Number(g.n));
  }
  return {
    capacity,
    taken,
    byAgency,
    delegations: delegations.map((d) => ({ id: d.id, agencyId: d.agencyId, quota: d.quota === null ? null : Number(d.quota), reservedSeats: Number(d.reservedSeats) })),
  };
}

// ---------------------------------------------------------------- the private link

/** Stores the hash of the registration's link token (again) and returns the token for the mail. */
async function issuePrivateLink(tx: Tx, registrationId: string): Promise<string> {
  const token = privateLinkToken(registrationId);
  await tx.registration.update({ where: { id: registrationId }, data: { manageTokenHash: hashToken(token) } });
  return token;
}

/**
 * Status mails carry the link derived from the id; rows whose stored hash is another one (written
 * before links were derived, or by a bulk insert) get the derived hash now. Usually none do.
 */
async function refreshPrivateLinks(tx: Tx, regs: { id: string; manageTokenHash: string }[]): Promise<void> {
  for (const r of regs) {
    const hash = hashToken(privateLinkToken(r.id));
    if (r.manageTokenHash !== hash) await tx.registration.update({ where: { id: r.id }, data: { manageTokenHash: hash } });
  }
}

/** Ids made here, so a registration's link hash, its event and its mail's key go into the same inserts. */
const newId = () => crypto.randomUUID();

/** A new registration's id with its private link, made before the seat transaction: none of it depends on the seat. */
type PrivateLink = { id: string; token: string; tokenHash: string };
function newPrivateLink(): PrivateLink {
  return linkOf(newId());
}

function linkOf(id: string): PrivateLink {
  const token = privateLinkToken(id);
  return { id, token, tokenHash: hashToken(token) };
}

/** Runs `step` on the rows INSERT_CHUNK at a time (lists of ids bound as parameters stay within the limits). */
async function inChunks<T>(rows: T[], step: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await step(rows.slice(i, i + INSERT_CHUNK));
}

// New registrations and their history are written with multi-row INSERTs (insertMany), not createMany:
// a 2,000-row import allocated about 500 MB in Prisma's query compiler and interpreter, the web server's
// peak memory (decision 083 addendum). Every column is given here, as the client would fill it in.
const STATUS = { enum: "RegistrationStatus" } as const;
const REGISTRATION_COLUMNS = {
  id: "value", meetingId: "value", userId: "value", agencyId: "value", delegationId: "value", registeredById: "value", invitationId: "value",
  name: "value", sortName: "value", email: "value", emailNormalised: "value", jobTitle: "value", role: { enum: "RegistrationRole" }, dietary: "value",
  accessibility: "value", listConsent: "value", consentAt: "date", consentNoticeVersion: "value", status: STATUS, waitlistRank: "value",
  manageTokenHash: "value", language: "value", createdAt: "date", updatedAt: "date",
} as const satisfies Record<string, ColumnKind>;
const EVENT_COLUMNS = { id: "value", registrationId: "value", fromStatus: STATUS, toStatus: STATUS, reason: "value", userId: "value", createdAt: "date" } as const satisfies Record<string, ColumnKind>;

/** A new registration as registerBatch builds it: every column but those insertMany's caller fills in. */
type NewRegistration = Prisma.RegistrationCreateManyInput & Record<Exclude<keyof typeof REGISTRATION_COLUMNS, "sortName" | "createdAt" | "updatedAt">, unknown>;
type NewEvent = { id: string; registrationId: string; fromStatus: RegistrationStatus | null; toStatus: RegistrationStatus; reason: string; userId: string | null };
async function insertEvents(tx: Tx, events: NewEvent[]): Promise<void> {
  const createdAt = new Date();
  await insertMany(tx, "RegistrationEvent", EVENT_COLUMNS, events.map((e) => ({ ...e, createdAt })));
}

// ---------------------------------------------------------------- status changes

type RegistrationRow = { id: string; meetingId: string; name: string; email: string; status: RegistrationStatus; manageTokenHash: string; inviteWithdrawals: number; language: string };
const ROW_FOR_CHANGE = { id: true, meetingId: true, name: true, email: true, status: true, manageTokenHash: true, inviteWithdrawals: true, language: true } as const;

/**
 * One status change for several registrations of a meeting, set-based: the rows, their history
 * events and their (unrendered) mails, in the caller's transaction. Each row must still be in the
 * status it was read with.
 */
async function transitionMany(
  tx: Tx,
  meeting: SeatMeeting,
  regs: RegistrationRow[],
  to: RegistrationStatus,
  p: { reason: string; actorId: string | null; mail: StatusMailKind; awaitingApproval?: boolean; mailReason?: string },
): Promise<void> {
  if (regs.length === 0) return;
  // A confirmed person who is cancelled or declined gets a calendar CANCEL; counting it raises the
  // SEQUENCE of any later invite to them (ics.server.ts inviteSequence).
  const withdraws = (from: RegistrationStatus) => (p.mail === "cancelled" || p.mail === "declined") && from === "CONFIRMED";
  const byStatus = new Map<RegistrationStatus, string[]>();
  for (const r of regs) byStatus.set(r.status, [...(byStatus.get(r.status) ?? []), r.id]);
  for (const [from, ids] of byStatus) {
    await inChunks(ids, async (chunk) => {
      const data = withdraws(from) ? { status: to, inviteWithdrawals: { increment: 1 } } : { status: to };
      const changed = await tx.registration.updateMany({ where: { id: { in: chunk }, status: from }, data });
      if (changed.count !== chunk.length) throw new Error(`Registrations of meeting ${meeting.id} changed meanwhile`);
    });
  }
  await refreshPrivateLinks(tx, regs);
  const events = regs.map((r) => ({ id: newId(), registrationId: r.id, fromStatus: r.status, toStatus: to, reason: p.reason, userId: p.actorId }));
  await insertEvents(tx, events);
  await enqueueNewMails(
    tx,
    regs.map((r, i) =>
      statusMail({
        kind: p.mail,
        meeting,
        person: r,
        eventId: events[i].id,
        awaitingApproval: p.awaitingApproval,
        withdrawInvite: withdraws(r.status),
        inviteWithdrawals: r.inviteWithdrawals + (withdraws(r.status) ? 1 : 0),
        reason: p.mailReason,
        language: asLanguage(r.language),
      }),
    ),
  );
}

/**
 * Fills free seats from the waiting list, in waiting-list order, skipping people whose agency has
 * reached its quota or who cannot use the seats still reserved for other agencies. Call inside a
 * seat transaction (the meeting row already locked). Returns the promoted registration ids.
 */
export async function promoteWaitlisted(tx: Tx, meeting: SeatMeeting, actorId: string | null): Promise<string[]> {
  const state = await seatState(tx, meeting.id, meeting.capacity);
  if (state.capacity !== null && state.taken >= state.capacity) return [];
  const waiting = await tx.registration.findMany({
    where: { meetingId: meeting.id, status: "WAITLISTED" },
    orderBy: [{ waitlistRank: "asc" }, { createdAt: "asc" }],
    select: { ...ROW_FOR_CHANGE, agencyId: true },
  });
  const promoted: typeof waiting = [];
  for (const w of waiting) {
    if (state.capacity !== null && state.taken >= state.capacity) break;
    if (!checkSeat(state, w.agencyId).seat) continue;
    promoted.push(w);
    takeSeat(state, w.agencyId);
  }
  const approval = meeting.approvalMode === "APPROVAL";
  await transitionMany(tx, meeting, promoted, approval ? "PENDING" : "CONFIRMED", {
    reason: key("registrations:reason.promoted"),
    actorId,
    mail: "promoted",
    awaitingApproval: approval,
  });
  return promoted.map((w) => w.id);
}

export async function lockedMeeting(tx: Tx, meetingId: string): Promise<SeatMeeting> {
  await lockMeeting(tx, meetingId);
  return tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: MEETING_FOR_MAIL });
}

// ---------------------------------------------------------------- registering

export type RegistrationSource = "SELF" | "INVITATION" | "FOCAL_POINT" | "IMPORT" | "ORGANISER";

export type RegisterRequest = {
  meetingId: string;
  person: {
    name: string;
    email: string;
    agencyId: string;
    jobTitle?: string;
    role?: RegistrationRole;
    dietary?: string;
    accessibility?: string;
    listConsent?: boolean;
  };
  /** the person accepted the privacy notice themselves (required for SELF and INVITATION) */
  consent: boolean;
  source: RegistrationSource;
  actorId?: string | null;
  /** the signed-in account of the person registering themselves */
  userId?: string | null;
  /** the interface language of the request: the registration's language (its mail) when the person registers themselves */
  language?: Language;
  invitationId?: string | null;
  /** over the agency quota: refuse (focal points, import) or put on the waiting list (own registration) */
  overQuota: "refuse" | "waitlist";
  now?: Date;
};

/** Why a registration was refused, for callers that word it their own way (the import report, a delegation). */
export type RegisterRefusalReason = "closed" | "invitation" | "agency" | "duplicate" | "quota" | "consent";
/** The one refusal shape, with the reason; `field` names the form input it belongs to ("form": the whole form). */
export type RegisterRefusal = Refusal & { reason: RegisterRefusalReason };
export type RegisterOutcome = { ok: true; id: string; status: RegistrationStatus; token: string } | RegisterRefusal;

const refuse = (field: "email" | "agencyId" | "consent" | "form", reason: RegisterRefusalReason, message: string): RegisterRefusal => ({
  ...(field === "form" ? formRefusal(message) : fieldRefusal(field, message)),
  reason,
});

/** Why registration is not open now (a translation key), or null when it is. */
export function registrationClosedReason(
  m: { status: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null; endsAt: Date },
  now = new Date(),
): TKey<"registration"> | null {
  if (m.status !== "PUBLISHED") return key("registration:error.notOpen");
  if (m.registrationOpensAt && now < m.registrationOpensAt) return key("registration:error.notOpenYet");
  if (m.registrationClosesAt && now > m.registrationClosesAt) return key("registration:error.closed");
  if (now > m.endsAt) return key("registration:error.past");
  return null;
}

/** The rules that need nothing but the meeting and the request: open, invited, consent. */
function ruleRefusal(meeting: SeatMeeting, req: RegisterRequest, now: Date): RegisterRefusal | null {
  const byOrganiser = req.source === "IMPORT" || req.source === "ORGANISER";
  if (!byOrganiser) {
    const closed = registrationClosedReason(meeting, now);
    if (closed) return refuse("form", "closed", closed);
  } else if (["CANCELLED", "ARCHIVED"].includes(meeting.status)) {
    return refuse("form", "closed", key("registration:error.cancelledOrArchived"));
  }
  if (meeting.visibility === "INVITATION" && req.source === "SELF") {
    return refuse("form", "invitation", key("registration:error.invitationOnly"));
  }
  if ((req.source === "SELF" || req.source === "INVITATION") && !req.consent) {
    return refuse("consent", "consent", key("registration:error.consentRequired"));
  }
  return null;
}

// A registration event's reason is stored as translation keys, several joined by "; " (reasonText() in
// labels.ts shows them in the reader's language; rows written before keep their English text).
const SOURCE_REASON: Record<RegistrationSource, { first: TKey; again: TKey }> = {
  SELF: { first: key("registrations:reason.registered"), again: key("registrations:reason.registeredAgain") },
  INVITATION: { first: key("registrations:reason.invitation"), again: key("registrations:reason.invitationAgain") },
  FOCAL_POINT: { first: key("registrations:reason.nominated"), again: key("registrations:reason.nominatedAgain") },
  IMPORT: { first: key("registrations:reason.imported"), again: key("registrations:reason.importedAgain") },
  ORGANISER: { first: key("registrations:reason.byOrganisers"), again: key("registrations:reason.byOrganisersAgain") },
};

/**
 * Registers people in the caller's seat transaction (the meeting row is locked), in request order,
 * as if one after another: each row's seat, quota and waiting-list rank count the rows before it.
 * Reads once for the whole batch, decides in memory, then writes the registrations, their events
 * and their unrendered mails with one insert per table. Returns each request's outcome; refused
 * rows write nothing.
 */
async function registerBatch(tx: Tx, meeting: SeatMeeting, reqs: RegisterRequest[], links: PrivateLink[]): Promise<RegisterOutcome[]> {
  const outcomes: (RegisterOutcome | null)[] = reqs.map((req) => ruleRefusal(meeting, req, req.now ?? new Date()));
  const open = reqs.filter((_, i) => !outcomes[i]);
  if (open.length === 0) return outcomes as RegisterOutcome[];

  const agencyIds = [...new Set(open.map((r) => r.person.agencyId))];
  const known = new Set<string>();
  await inChunks(agencyIds, async (chunk) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Agency" WHERE "id" IN (${PrismaSql.join(chunk)})`;
    for (const r of rows) known.add(r.id);
  });
  const invited = new Map<string, boolean>();
  if (meeting.visibility === "INVITATION") {
    for (const id of new Set(open.filter((r) => r.source === "FOCAL_POINT" && known.has(r.person.agencyId)).map((r) => r.person.agencyId))) {
      invited.set(id, await agencyInvited(tx, meeting.id, id));
    }
  }
  const emails = [...new Set(open.map((r) => normaliseEmail(r.person.email)))];
  // Addresses already registered; a cancelled registration does not hold its address: registering
  // again reopens that row (same id, so its calendar invite's UID and SEQUENCE go on from the CANCEL).
  const taken = new Set<string>();
  const cancelled = new Map<string, string>();
  await inChunks(emails, async (chunk) => {
    const rows = await tx.$queryRaw<{ e: string; id: string; status: string }[]>`
      SELECT "emailNormalised" AS "e", "id", "status" FROM "Registration" WHERE "meetingId" = ${meeting.id} AND "emailNormalised" IN (${PrismaSql.join(chunk)})`;
    for (const r of rows) {
      if (r.status === "CANCELLED") cancelled.set(r.e, r.id);
      else taken.add(r.e);
    }
  });
  const state = await seatState(tx, meeting.id, meeting.capacity);
  let lastRank: number | null = null;
  // The registration's language (its mail's; decision 081): a person registering themselves does so in the
  // language of the page; someone registered by others (a focal point, the organisers) gets their own saved
  // language if they have an account that has one, else that of the person registering them.
  const saved = new Map<string, Language>();
  const byOthers = open.filter((r) => r.source !== "SELF" && r.source !== "INVITATION");
  await inChunks([...new Set(byOthers.map((r) => normaliseEmail(r.person.email)))], async (chunk) => {
    for (const u of await tx.user.findMany({ where: { email: { in: chunk }, locale: { not: null } }, select: { email: true, locale: true } })) {
      if (isLanguage(u.locale)) saved.set(u.email, u.locale);
    }
  });
  const actorIds = [...new Set(byOthers.filter((r) => !r.language && r.actorId).map((r) => r.actorId!))];
  const actorLocale = new Map(
    (actorIds.length ? await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, locale: true } }) : []).map((u) => [u.id, asLanguage(u.locale)]),
  );
  const languageFor = (req: RegisterRequest, email: string): Language =>
    (req.source === "SELF" || req.source === "INVITATION" ? req.language : (saved.get(email) ?? req.language ?? (req.actorId ? actorLocale.get(req.actorId) : undefined))) ??
    "en";

  const registrations: NewRegistration[] = [];
  const reopen: NewRegistration[] = [];
  const events: NewEvent[] = [];
  const mails: NewMail[] = [];
  for (const [i, req] of reqs.entries()) {
    if (outcomes[i]) continue;
    const agencyId = req.person.agencyId;
    if (!known.has(agencyId)) {
      outcomes[i] = refuse("agencyId", "agency", key("registration:error.agencyRequired"));
      continue;
    }
    if (meeting.visibility === "INVITATION" && req.source === "FOCAL_POINT" && !invited.get(agencyId)) {
      outcomes[i] = refuse("form", "invitation", key("registration:error.agencyNotInvited"));
      continue;
    }
    const emailNormalised = normaliseEmail(req.person.email);
    if (taken.has(emailNormalised)) {
      outcomes[i] = refuse("email", "duplicate", key("registration:error.duplicate"));
      continue;
    }
    const check = checkSeat(state, agencyId);
    if (check.overQuota && req.overQuota === "refuse") {
      outcomes[i] = refuse("form", "quota", key("registration:error.quotaReached"));
      continue;
    }
    const status: RegistrationStatus = check.seat ? (meeting.approvalMode === "APPROVAL" ? "PENDING" : "CONFIRMED") : "WAITLISTED";
    let waitlistRank: number | null = null;
    if (status === "WAITLISTED") {
      // Ranks are never reused (a promoted person keeps theirs), so the maximum only grows.
      if (lastRank === null) {
        const [top] = await tx.$queryRaw<{ r: number | bigint | null }[]>`SELECT MAX("waitlistRank") AS "r" FROM "Registration" WHERE "meetingId" = ${meeting.id}`;
        lastRank = Number(top?.r ?? 0);
      }
      waitlistRank = ++lastRank;
    } else takeSeat(state, agencyId);
    taken.add(emailNormalised);

    const now = req.now ?? new Date();
    const reopened = cancelled.get(emailNormalised);
    cancelled.delete(emailNormalised);
    // The private link is derived from the id (decision 022), so a reopened registration keeps its link.
    const { id, token, tokenHash } = reopened ? linkOf(reopened) : links[i];
    const person = { id, name: req.person.name, email: req.person.email.trim() };
    const language = languageFor(req, emailNormalised);
    (reopened ? reopen : registrations).push({
      id,
      meetingId: meeting.id,
      userId: req.userId ?? null,
      agencyId,
      delegationId: state.delegations.find((d) => d.agencyId === agencyId)?.id ?? null,
      registeredById: req.actorId ?? null,
      invitationId: req.invitationId ?? null,
      name: person.name,
      email: person.email,
      emailNormalised,
      jobTitle: req.person.jobTitle ?? "",
      role: req.person.role ?? "DELEGATE",
      dietary: req.person.dietary ?? "",
      accessibility: req.person.accessibility ?? "",
      listConsent: req.person.listConsent ?? false,
      consentAt: req.consent ? now : null,
      consentNoticeVersion: req.consent ? meeting.privacyNoticeVersion : null,
      status,
      waitlistRank,
      manageTokenHash: tokenHash,
      language,
    });
    const reason = SOURCE_REASON[req.source];
    const event = {
      id: newId(),
      registrationId: id,
      fromStatus: reopened ? ("CANCELLED" as const) : null,
      toStatus: status,
      reason: [reopened ? reason.again : reason.first, ...(check.overQuota ? [key("registrations:reason.quotaReached")] : [])].join("; "),
      userId: req.actorId ?? null,
    };
    events.push(event);
    mails.push(
      statusMail({
        kind: status === "CONFIRMED" ? "confirmed" : status === "PENDING" ? "received" : "waitlisted",
        meeting,
        person,
        eventId: event.id,
        reason: check.overQuota ? "quotaUsed" : undefined,
        language,
      }),
    );
    outcomes[i] = { ok: true, id, status, token };
  }
  const at = new Date();
  await insertMany(tx, "Registration", REGISTRATION_COLUMNS, registrations.map((r) => ({ ...r, sortName: sortKey(r.name), createdAt: at, updatedAt: at })));
  // A reopened registration starts afresh: new details and consent, no attendance; its id, private
  // link, counters (inviteWithdrawals) and creation date stay.
  for (const { id, meetingId: _meeting, ...data } of reopen) {
    await tx.registration.update({ where: { id }, data: { ...data, attendance: "NONE", checkedInAt: null } });
  }
  await insertEvents(tx, events);
  await enqueueNewMails(tx, mails);
  return outcomes as RegisterOutcome[];
}

/** An invitation that is neither revoked nor expired (rows from before expiry dates have none). */
export const LIVE_INVITATION = () => ({ revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] });

/** An agency is invited to an invitation-only meeting when it has a delegation or a live agency invitation. */
export async function agencyInvited(tx: Tx, meetingId: string, agencyId: string): Promise<boolean> {
  const [delegation, invitation] = await Promise.all([
    tx.delegation.findUnique({ where: { meetingId_agencyId: { meetingId, agencyId } }, select: { id: true } }),
    tx.invitation.findFirst({ where: { meetingId, agencyId, ...LIVE_INVITATION() }, select: { id: true } }),
  ]);
  return !!delegation || !!invitation;
}

// Registrations of one meeting arriving in this process while its seat transaction runs wait for the
// next one, and that next one decides all of them: registerBatch takes them in arrival order, as if
// one after another, so each outcome is the one it would have had alone. The seat transactions of a
// meeting run one after another anyway (one writer on SQLite, the meeting's row lock on PostgreSQL,
// across processes too); grouping spends the lock on one set of statements for many people instead
// of the same statements again for each (issue 10).
type Waiting = { req: RegisterRequest; link: PrivateLink; settle: (o: Promise<RegisterOutcome>) => void };
const waiting = new Map<string, Waiting[]>();
/** At most this many people per seat transaction, so one transaction stays short. */
const GROUP_MAX = 100;
/** At most this many event-loop turns a group waits for more people (a turn is microseconds when idle). */
const GATHER_TURNS = 20;

/**
 * The id of the meeting a registration form posts to, or a 404. One plain statement: everything else about
 * the meeting is read under its lock by the seat transaction, once for all the people registering together.
 */
export async function meetingIdBySlug(slug: string): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Meeting" WHERE "slug" = ${slug}`;
  if (!row) notFound(key("common:error.notFound.meeting"));
  return row.id;
}

/** Registers one person. Seat, quota and waiting-list rank are decided under the meeting's lock. */
export function register(req: RegisterRequest): Promise<RegisterOutcome> {
  const link = newPrivateLink();
  return new Promise<RegisterOutcome>((resolve) => {
    const entry: Waiting = { req, link, settle: resolve };
    const queue = waiting.get(req.meetingId);
    if (queue) {
      queue.push(entry);
      return;
    }
    waiting.set(req.meetingId, [entry]);
    void registerWaiting(req.meetingId);
  });
}

/** Runs the meeting's seat transactions until nobody waits. Never throws: each request settles with its outcome or error. */
async function registerWaiting(meetingId: string): Promise<void> {
  for (;;) {
    // A seat transaction on SQLite runs without giving the event loop a turn (its statements are
    // synchronous), so requests reach this queue only between transactions, and each needs a few turns
    // to read its form: the group waits a turn at a time while it grows, up to GATHER_TURNS turns. A
    // registration alone waits one turn.
    const queue = waiting.get(meetingId)!;
    for (let turn = 0, before = -1; turn < GATHER_TURNS && queue.length > before && queue.length < GROUP_MAX; turn++) {
      before = queue.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (queue.length === 0) {
      waiting.delete(meetingId);
      return;
    }
    const group = queue.splice(0, GROUP_MAX);
    await registerGroup(meetingId, group);
  }
}

async function registerGroup(meetingId: string, group: Waiting[]): Promise<void> {
  try {
    const outcomes = await transaction(async (tx) => {
      const meeting = await lockedMeeting(tx, meetingId);
      return registerBatch(tx, meeting, group.map((w) => w.req), group.map((w) => w.link));
    });
    group.forEach((w, i) => w.settle(Promise.resolve(outcomes[i])));
  } catch (e) {
    if ((e as { code?: string }).code !== "P2002") {
      for (const w of group) w.settle(Promise.reject(e));
    } else if (group.length > 1) {
      // An address registered past the check (the unique index decides): each alone, so only that one is refused.
      for (const w of group) await registerGroup(meetingId, [w]);
    } else {
      group[0].settle(Promise.resolve(refuse("email", "duplicate", key("registration:error.duplicateInBatch"))));
    }
  }
}

class BatchRefused extends Error {
  constructor(readonly outcomes: RegisterOutcome[]) {
    super("batch refused");
  }
}

/**
 * Registers several people at once, all or nothing (a focal point's delegation): if one row is
 * refused, none is saved and each row's outcome is returned.
 */
export async function registerMany(meetingId: string, requests: Omit<RegisterRequest, "meetingId">[]): Promise<{ ok: boolean; outcomes: RegisterOutcome[] }> {
  const links = requests.map(newPrivateLink);
  try {
    const outcomes = await transaction(async (tx) => {
      const meeting = await lockedMeeting(tx, meetingId);
      const results = await registerBatch(tx, meeting, requests.map((r) => ({ ...r, meetingId })), links);
      if (results.some((r) => !r.ok)) throw new BatchRefused(results);
      return results;
    });
    return { ok: true, outcomes };
  } catch (e) {
    if (e instanceof BatchRefused) return { ok: false, outcomes: e.outcomes };
    throw e;
  }
}

/**
 * Registers each request on its own terms (the organisers' CSV import): refused rows are reported,
 * the others saved, all in one seat transaction.
 */
export async function registerEach(meetingId: string, requests: Omit<RegisterRequest, "meetingId">[]): Promise<RegisterOutcome[]> {
  const links = requests.map(newPrivateLink);
  return transaction(async (tx) => {
    const meeting = await lockedMeeting(tx, meetingId);
    return registerBatch(tx, meeting, requests.map((r) => ({ ...r, meetingId })), links);
  });
}

// ---------------------------------------------------------------- organiser and self-service changes

export type ChangeResult = Outcome<{ promoted: string[] }>;

/** Cancels a registration (its holder, their focal point or the organisers) and fills the freed seat. */
export async function cancelRegistration(registrationId: string, actorId: string | null, reason: TKey = key("registrations:reason.cancelled")): Promise<ChangeResult> {
  return transaction(async (tx) => {
    // A registration never changes meeting, so reading which one before taking its lock is safe.
    const row = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { meetingId: true } });
    const meeting = await lockedMeeting(tx, row.meetingId);
    const reg = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: ROW_FOR_CHANGE });
    if (!ACTIVE.includes(reg.status)) return formRefusal("This registration is already cancelled or declined.");
    await transitionMany(tx, meeting, [reg], "CANCELLED", { reason, actorId, mail: "cancelled" });
    await audit(tx, { userId: actorId, entity: "Registration", entityId: reg.id, meetingId: meeting.id, action: "cancel", before: { status: reg.status }, after: { status: "CANCELLED" } });
    const promoted = await promoteWaitlisted(tx, meeting, actorId);
    return { ok: true, promoted };
  });
}

/**
 * Organiser decisions on several registrations of one meeting: approve (pending -> confirmed) or
 * decline (any active -> declined, freeing the seat for the waiting list). Rows that cannot take
 * the decision are skipped and counted.
 */
export async function decideRegistrations(
  actor: Actor,
  meetingId: string,
  ids: string[],
  decision: "approve" | "decline",
): Promise<{ changed: number; skipped: number; promoted: string[] }> {
  assertCan(actor, "registrations:manage");
  const actorId = actor.id;
  return transaction(async (tx) => {
    const meeting = await lockedMeeting(tx, meetingId);
    const regs = await tx.registration.findMany({ where: { id: { in: ids }, meetingId }, select: ROW_FOR_CHANGE });
    const chosen =
      decision === "approve"
        ? regs.filter((r) => r.status === "PENDING")
        : regs.filter((r) => ACTIVE.includes(r.status));
    if (decision === "approve") {
      await transitionMany(tx, meeting, chosen, "CONFIRMED", { reason: key("registrations:reason.approved"), actorId, mail: "confirmed" });
    } else {
      await transitionMany(tx, meeting, chosen, "DECLINED", { reason: key("registrations:reason.declined"), actorId, mail: "declined" });
    }
    await auditMany(
      tx,
      chosen.map((reg) => ({ userId: actorId, entity: "Registration", entityId: reg.id, meetingId, action: decision, before: { status: reg.status } })),
    );
    const changed = chosen.length;
    const promoted = decision === "decline" ? await promoteWaitlisted(tx, meeting, actorId) : [];
    return { changed, skipped: ids.length - changed, promoted };
  });
}

/** The organisers fill seats freed by a capacity, quota or reserved-seat change. */
export async function fillFromWaitlist(actor: Actor, meetingId: string): Promise<string[]> {
  assertCan(actor, "registrations:manage");
  return transaction(async (tx) => promoteWaitlisted(tx, await lockedMeeting(tx, meetingId), actor.id));
}

// ---------------------------------------------------------------- the private link

const SELF_SERVICE_SELECT = {
  id: true,
  name: true,
  email: true,
  jobTitle: true,
  role: true,
  dietary: true,
  accessibility: true,
  listConsent: true,
  status: true,
  waitlistRank: true,
  attendance: true,
  consentAt: true,
  consentNoticeVersion: true,
  createdAt: true,
  anonymisedAt: true,
  agency: { select: { name: true, acronym: true } },
  meeting: { select: { ...MEETING_FOR_MAIL, onlineLink: true, format: true } },
} as const;

export async function findByToken(token: string) {
  if (!token || token.length > 100) return null;
  const reg = await db.registration.findUnique({ where: { manageTokenHash: hashToken(token) }, select: SELF_SERVICE_SELECT });
  if (!reg || reg.anonymisedAt) return null;
  const position =
    reg.status === "WAITLISTED"
      ? (await db.registration.count({ where: { meetingId: reg.meeting.id, status: "WAITLISTED", waitlistRank: { lte: reg.waitlistRank ?? 0 } } }))
      : null;
  return { ...reg, waitlistPosition: position };
}

/** Changes stay open until registration closes (or the meeting starts when there is no closing date). */
export function changesClosed(m: { registrationClosesAt: Date | null; startsAt: Date }, now = new Date()): boolean {
  return now > (m.registrationClosesAt ?? m.startsAt);
}

export type Details = {
  name: string;
  jobTitle: string;
  role: RegistrationRole;
  dietary: string;
  accessibility: string;
  listConsent: boolean;
};

export async function updateDetailsByToken(token: string, details: Details, now = new Date()): Promise<Outcome<object>> {
  const reg = await findByToken(token);
  if (!reg) return formRefusal(key("registration:error.linkInvalid"));
  if (changesClosed(reg.meeting, now)) return formRefusal(key("registration:error.changesDeadline"));
  if (!ACTIVE.includes(reg.status)) return formRefusal(key("registration:error.notActive"));
  await db.$transaction(async (tx) => {
    await tx.registration.update({ where: { id: reg.id }, data: details });
    await audit(tx, {
      userId: null,
      entity: "Registration",
      entityId: reg.id,
      meetingId: reg.meeting.id,
      action: "update",
      before: { name: reg.name, jobTitle: reg.jobTitle, role: reg.role, listConsent: reg.listConsent },
      after: { name: details.name, jobTitle: details.jobTitle, role: details.role, listConsent: details.listConsent },
    });
  });
  return { ok: true };
}

export async function cancelByToken(token: string): Promise<ChangeResult> {
  const reg = await findByToken(token);
  if (!reg) return formRefusal(key("registration:error.linkInvalid"));
  if (new Date() > reg.meeting.startsAt) return formRefusal(key("registration:error.started"));
  return cancelRegistration(reg.id, null, key("registrations:reason.cancelledByParticipant"));
}

/** Everything Convene holds about the person, for the data export (GDPR Art. 15/20). */
export async function personalDataExport(token: string) {
  const reg = await findByToken(token);
  if (!reg) return null;
  const rows = await db.registration.findMany({
    where: { emailNormalised: normaliseEmail(reg.email), anonymisedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      ...exportSelect("Registration"),
      agency: { select: { name: true } },
      meeting: { select: { title: true, startsAt: true, endsAt: true, timeZone: true, city: true } },
      events: { select: exportSelect("RegistrationEvent"), orderBy: { createdAt: "asc" } },
      outbox: { select: exportSelect("OutboxMessage"), orderBy: { createdAt: "asc" } },
    },
  });
  return { exportedAt: new Date().toISOString(), email: reg.email, registrations: rows };
}

/** Emails the person their private link again (for someone who lost the first mail). */
export async function resendLink(registrationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const reg = await tx.registration.findUniqueOrThrow({
      where: { id: registrationId },
      select: { id: true, name: true, email: true, language: true, meeting: { select: MEETING_FOR_MAIL } },
    });
    const token = await issuePrivateLink(tx, reg.id);
    await queueLinkMail(tx, { meeting: reg.meeting, person: reg, token, key: crypto.randomUUID() });
  });
}

// ---------------------------------------------------------------- the signed-in person

export async function myRegistrations(user: { id: string; email: string }) {
  return db.registration.findMany({
    where: { OR: [{ userId: user.id }, { emailNormalised: normaliseEmail(user.email) }], anonymisedAt: null },
    orderBy: { meeting: { startsAt: "desc" } },
    select: {
      id: true,
      status: true,
      attendance: true,
      role: true,
      meeting: { select: { slug: true, title: true, startsAt: true, endsAt: true, timeZone: true, city: true } },
    },
  });
}

/** The signed-in user's own registration, or null (so nobody acts on someone else's). */
export async function findOwnRegistration(user: { id: string; email: string }, registrationId: string) {
  return db.registration.findFirst({
    where: { id: registrationId, OR: [{ userId: user.id }, { emailNormalised: normaliseEmail(user.email) }], anonymisedAt: null },
    select: { id: true, status: true, meeting: { select: { startsAt: true } } },
  });
}

/**
 * On the meeting page: the signed-in person's registration and their next steps, and `confirmed`, whether
 * a confirmed registration of their own account opens the online link. One statement reads both: the rows
 * made with their account and the one under their email (usually one and the same row).
 */
export async function registrationPanel(
  meeting: { id: string; slug: string; status: string; visibility: string; participantListVisible: boolean },
  user: { id: string; email: string; role: string; agencyId: string | null } | null,
) {
  if (!user) return null;
  const meetingId = meeting.id;
  // The person's registrations here, by account or by address: on every signed-in meeting page, so written as
  // SQL (Prisma's compiler and interpreter cost more than the statement, decision 093).
  const rows = await db.$queryRaw<Prisma.RegistrationGetPayload<{ select: { status: true; attendance: true; userId: true } }>[]>`
    SELECT "status", "attendance", "userId" FROM "Registration"
    WHERE "meetingId" = ${meetingId} AND ("userId" = ${user.id} OR "emailNormalised" = ${normaliseEmail(user.email)}) AND "anonymisedAt" IS NULL`;
  const mine = rows.find((r) => r.userId === user.id) ?? rows[0];
  let delegationLink: string | null = null;
  if (user.role === "FOCAL_POINT" && user.agencyId && meeting.status === "PUBLISHED") {
    if (meeting.visibility !== "INVITATION" || (await agencyInvited(db, meetingId, user.agencyId))) delegationLink = `/delegations/${meeting.slug}`;
  }
  return {
    mine: mine ? { status: mine.status, attended: mine.attendance === "ATTENDED" } : null,
    delegationLink,
    participantsLink: mine?.status === "CONFIRMED" && meeting.participantListVisible ? `/meetings/${meeting.slug}/participants` : null,
    confirmed: rows.some((r) => r.userId === user.id && r.status === "CONFIRMED"),
  };
}
