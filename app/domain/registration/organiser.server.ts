import { db, transaction, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { forbidden, notFound } from "~/utils/http.server";
import { newToken, hashToken } from "~/utils/tokens.server";
import { parseCsv } from "~/utils/csv.server";
import { fromLocalInput } from "~/utils/dates";
import { fieldRefusal, refusalMessages, type FieldErrors, type Outcome } from "~/utils/forms.server";
import { audit } from "~/domain/audit/audit.server";
import { can } from "~/domain/auth/permissions";
import { assertCan, requireAgencyScope } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { ROW_SELECT, whereFor } from "./listing.server";
import { queueInvitationMail } from "./mail.server";
import { LIVE_INVITATION, MEETING_FOR_MAIL, agencyInvited, lockMeeting, lockedMeeting, normaliseEmail, promoteWaitlisted, register, registerEach, registerMany, type RegisterOutcome, type RegisterRequest } from "./registration.server";
import { LANGUAGES, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { isKey, key } from "~/i18n/translate";
import { REGISTRATION_ROLES, emailField, nameField, type RegistrationRole, type RegistrationStatus } from "./registration.schema";

// What organisers and focal points do with a meeting's registrations (the participants table and its
// CSV export are in listing.server.ts): a registration's detail, CSV import, check-in, delegations and
// invitations. Every function that reads or writes registrations takes the actor and limits its queries to the actor's agency scope from the capability
// matrix, so a focal point only ever reaches their own agency's rows.

/** The agency of a focal point's delegation; 403 for anyone without one. */
function delegationAgency(actor: Actor): string {
  const { agencyId } = requireAgencyScope(actor, "delegation:manage");
  if (!agencyId) forbidden(key("common:error.refused.noDelegation"));
  return agencyId;
}

export async function meetingById(id: string) {
  const meeting = await db.meeting.findUnique({
    where: { id },
    select: { ...MEETING_FOR_MAIL, participantListVisible: true, retentionDays: true },
  });
  if (!meeting) notFound(key("common:error.notFound.meeting"));
  return meeting;
}

export async function meetingBySlug(slug: string) {
  const meeting = await db.meeting.findUnique({ where: { slug }, select: { ...MEETING_FOR_MAIL, participantListVisible: true } });
  if (!meeting) notFound(key("common:error.notFound.meeting"));
  return meeting;
}

/** One registration with its status history and mail, for the organisers. */
export async function registrationDetail(actor: Actor, meetingId: string, registrationId: string) {
  const reg = await db.registration.findFirst({
    where: { ...whereFor(actor, meetingId, {}), id: registrationId },
    select: {
      ...ROW_SELECT,
      consentAt: true,
      consentNoticeVersion: true,
      listConsent: true,
      checkedInAt: true,
      anonymisedAt: true,
      registeredBy: { select: { name: true } },
      events: { orderBy: { createdAt: "asc" }, select: { id: true, fromStatus: true, toStatus: true, reason: true, createdAt: true, userId: true } },
      outbox: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, subject: true, status: true, createdAt: true } },
    },
  });
  if (!reg) notFound(key("common:error.notFound.registration"));
  const actorIds = [...new Set(reg.events.map((e) => e.userId).filter((x): x is string => !!x))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  // by: null when the participant or the system made the change; { name: null } for a user since deleted.
  return { ...reg, events: reg.events.map((e) => ({ ...e, by: e.userId ? { name: actors.get(e.userId) ?? null } : null })) };
}

// ---------------------------------------------------------------- CSV import

export type ImportRowReport = { row: number; email: string; ok: boolean; message: string; status: RegistrationStatus | null };

/**
 * What the import page shows: how many rows were registered, in which status, and every rejected row with
 * its reason. The registered rows themselves are in the registrations list; a 2,000-row report of
 * "registered" lines was 460 KB of page for nothing to act on.
 */
export function summariseImport(report: ImportRowReport[]) {
  const byStatus = new Map<RegistrationStatus, number>();
  for (const r of report) if (r.ok && r.status) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const rejected = report.filter((r) => !r.ok);
  return { accepted: report.length - rejected.length, byStatus: [...byStatus].map(([status, count]) => ({ status, count })), rejected };
}

// A role column may hold the role's code or its name in any interface language ("delegate", "Délégué").
const ROLE_BY_WORD = new Map<string, RegistrationRole>(
  REGISTRATION_ROLES.flatMap((r) => [[r.toLowerCase(), r], ...LANGUAGES.map((l) => [tFor(l)(`common:registrationRole.${r}`).toLowerCase(), r] as const)]),
);

/**
 * Imports participants: columns name, email, agency (name or acronym), and optionally job title,
 * role, dietary, accessibility. Every row is checked first; the valid ones are then registered in
 * file order in one seat transaction (seats, quota, duplicates as for any registration, counting the
 * rows above). A rejected row saves nothing and says why (in `language`, the organiser's); the others are saved.
 */
export async function importCsv(actor: Actor, meetingId: string, text: string, language: Language): Promise<Outcome<{ report: ImportRowReport[] }>> {
  assertCan(actor, "registrations:manage");
  const t = tFor(language);
  const say = (message: string) => (isKey(message) ? t(message) : message);
  const parsed = parseCsv(text, 2000, language);
  if (!parsed.ok) return fieldRefusal("file", parsed.error);
  const missing = ["name", "email", "agency"].filter((c) => !parsed.header.includes(c));
  if (missing.length) return fieldRefusal("file", t("registrations:import.error.columns", { columns: missing.join(", ") }));
  const agencies = await db.agency.findMany({ select: { id: true, name: true, acronym: true } });
  const byWord = new Map<string, string>();
  for (const a of agencies) {
    byWord.set(a.name.toLowerCase(), a.id);
    if (!byWord.has(a.acronym.toLowerCase())) byWord.set(a.acronym.toLowerCase(), a.id);
  }
  const report: ImportRowReport[] = [];
  const valid: { at: number; request: Omit<RegisterRequest, "meetingId"> }[] = [];
  for (const [i, raw] of parsed.rows.entries()) {
    const row = i + 2; // the header is row 1
    const email = raw.email ?? "";
    const problems: string[] = [];
    const name = nameField.safeParse(raw.name ?? "");
    if (!name.success) problems.push(say(name.error.issues[0].message));
    const mail = emailField.safeParse(email);
    if (!mail.success) problems.push(t("registrations:import.error.email", { value: email.slice(0, 80) }));
    const agencyId = byWord.get((raw.agency ?? "").trim().toLowerCase());
    if (!agencyId) problems.push(t("registrations:import.error.agency", { value: (raw.agency ?? "").slice(0, 80) }));
    const roleWord = (raw.role ?? raw["role at meeting"] ?? "").trim().toLowerCase();
    const role = roleWord ? ROLE_BY_WORD.get(roleWord) : "DELEGATE";
    if (!role) problems.push(t("registrations:import.error.role", { value: roleWord.slice(0, 40) }));
    report.push({ row, email, ok: false, message: problems.join(" "), status: null });
    if (problems.length || !name.success || !mail.success || !agencyId || !role) continue;
    valid.push({
      at: report.length - 1,
      request: {
        person: {
          name: name.data,
          email: mail.data,
          agencyId,
          role,
          jobTitle: (raw["job title"] ?? raw.jobtitle ?? "").slice(0, 160),
          dietary: (raw.dietary ?? "").slice(0, 500),
          accessibility: (raw.accessibility ?? "").slice(0, 500),
        },
        consent: false,
        source: "IMPORT",
        actorId: actor.id,
        overQuota: "refuse",
      },
    });
  }
  const outcomes: RegisterOutcome[] = valid.length ? await registerEach(meetingId, valid.map((v) => v.request)) : [];
  outcomes.forEach((outcome, k) => {
    const line = report[valid[k].at];
    line.ok = outcome.ok;
    line.status = outcome.ok ? outcome.status : null;
    const refusal = outcome.ok ? "" : refusalMessages(outcome).map(say).join(" ");
    line.message = outcome.ok
      ? t("registrations:import.registered", { status: t(`common:registrationStatus.${outcome.status}`).toLowerCase() })
      : outcome.reason === "duplicate"
        ? t("registrations:import.error.duplicate")
        : outcome.reason === "quota"
          ? t("registrations:import.error.overQuota", { message: refusal })
          : refusal;
  });
  return { ok: true, report };
}

/** The organisers register one person by hand (no consent asked; over the quota is refused). */
export async function addParticipant(actor: Actor, meetingId: string, person: RegisterRequest["person"]): Promise<RegisterOutcome> {
  assertCan(actor, "registrations:manage");
  return register({ meetingId, person, consent: false, source: "ORGANISER", actorId: actor.id, overQuota: "refuse" });
}

// ---------------------------------------------------------------- check-in

export async function checkInList(actor: Actor, meetingId: string, q: string, take = 200) {
  const where = { ...whereFor(actor, meetingId, { q: q.slice(0, 100) }), status: "CONFIRMED" as const };
  const [rows, groups] = await Promise.all([
    db.registration.findMany({
      where,
      orderBy: { sortName: "asc" },
      take,
      select: { id: true, name: true, jobTitle: true, role: true, attendance: true, checkedInAt: true, agency: { select: { name: true, acronym: true } } },
    }),
    db.registration.groupBy({ by: ["agencyId", "attendance"], where: { ...whereFor(actor, meetingId, {}), status: "CONFIRMED" }, _count: { _all: true } }),
  ]);
  const agencies = await db.agency.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.agencyId!).filter(Boolean))] } }, select: { id: true, name: true } });
  const perAgency = agencies
    .map((a) => {
      const mine = groups.filter((g) => g.agencyId === a.id);
      const present = mine.filter((g) => g.attendance === "ATTENDED").reduce((s, g) => s + g._count._all, 0);
      const total = mine.reduce((s, g) => s + g._count._all, 0);
      return { name: a.name, present, absent: total - present };
    })
    .sort((x, y) => x.name.localeCompare(y.name));
  const present = perAgency.reduce((s, a) => s + a.present, 0);
  const absent = perAgency.reduce((s, a) => s + a.absent, 0);
  return { rows, perAgency, present, absent };
}

export async function setAttendance(actor: Actor, meetingId: string, registrationId: string, attendance: "ATTENDED" | "NO_SHOW" | "NONE"): Promise<boolean> {
  return transaction(async (tx) => {
    // Under the meeting's lock: a cancellation in another process cannot slip between the check
    // that the person is confirmed and the check-in.
    await lockMeeting(tx, meetingId);
    const reg = await tx.registration.findFirst({ where: { ...whereFor(actor, meetingId, {}), id: registrationId, status: "CONFIRMED" }, select: { id: true, attendance: true } });
    if (!reg) return false;
    await tx.registration.update({ where: { id: reg.id }, data: { attendance, checkedInAt: attendance === "ATTENDED" ? new Date() : null } });
    await audit(tx, { userId: actor.id, entity: "Registration", entityId: reg.id, meetingId: meetingId, action: "attendance", before: { attendance: reg.attendance }, after: { attendance } });
    return true;
  });
}

/** After the meeting: confirmed people never checked in become no-shows (for follow-up mail). */
export async function markRemainingNoShow(actor: Actor, meetingId: string): Promise<number> {
  const res = await db.registration.updateMany({ where: { ...whereFor(actor, meetingId, {}), status: "CONFIRMED", attendance: "NONE" }, data: { attendance: "NO_SHOW" } });
  return res.count;
}

// ---------------------------------------------------------------- delegations

export async function listDelegations(actor: Actor, meetingId: string) {
  assertCan(actor, "registrations:manage");
  const [delegations, counts] = await Promise.all([
    db.delegation.findMany({
      where: { meetingId },
      orderBy: { agency: { sortName: "asc" } },
      select: {
        id: true,
        quota: true,
        reservedSeats: true,
        headRegistrationId: true,
        headRegistration: { select: { name: true } },
        agency: { select: { id: true, name: true, acronym: true } },
      },
    }),
    db.registration.groupBy({ by: ["agencyId"], where: { meetingId, status: { in: ["CONFIRMED", "PENDING"] } }, _count: { _all: true } }),
  ]);
  return delegations.map((d) => ({ ...d, used: counts.find((c) => c.agencyId === d.agency.id)?._count._all ?? 0 }));
}

/** A focal point's view of their agency at one meeting: quota, reserved seats and their delegates. */
export async function agencyDelegation(actor: Actor, meetingId: string) {
  const agencyId = delegationAgency(actor);
  const [delegation, agency, people] = await Promise.all([
    db.delegation.findUnique({ where: { meetingId_agencyId: { meetingId, agencyId } }, select: { quota: true, reservedSeats: true, headRegistrationId: true } }),
    db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { name: true } }),
    db.registration.findMany({
      where: whereFor(actor, meetingId, {}),
      orderBy: [{ status: "asc" }, { sortName: "asc" }],
      select: { id: true, name: true, email: true, jobTitle: true, role: true, status: true, waitlistRank: true },
    }),
  ]);
  const used = people.filter((p) => p.status === "CONFIRMED" || p.status === "PENDING").length;
  return { agency, delegation, people, used, left: delegation?.quota == null ? null : Math.max(0, delegation.quota - used) };
}

/** Upcoming published meetings open to the focal point's agency, with its delegation's numbers. */
export async function delegationMeetings(actor: Actor) {
  const agencyId = delegationAgency(actor);
  const meetings = await db.meeting.findMany({
    where: {
      status: "PUBLISHED",
      endsAt: { gt: new Date() },
      OR: [{ visibility: "PUBLIC" }, { delegations: { some: { agencyId } } }, { invitations: { some: { agencyId, ...LIVE_INVITATION() } } }],
    },
    orderBy: { startsAt: "asc" },
    select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, timeZone: true, delegations: { where: { agencyId }, select: { quota: true } } },
  });
  const counts = await db.registration.groupBy({
    by: ["meetingId"],
    where: { agencyId, meetingId: { in: meetings.map((m) => m.id) }, status: { in: ["CONFIRMED", "PENDING"] } },
    _count: { _all: true },
  });
  return meetings.map(({ delegations, id, ...m }) => ({ ...m, quota: delegations[0]?.quota ?? null, used: counts.find((c) => c.meetingId === id)?._count._all ?? 0 }));
}

/** Whether the focal point may register: public, or invitation-only with their agency invited. */
export async function focalPointMayRegister(meeting: { id: string; visibility: string }, agencyId: string): Promise<boolean> {
  return meeting.visibility !== "INVITATION" || agencyInvited(db, meeting.id, agencyId);
}

/** One of the focal point's delegates, for editing; null outside their agency. */
export async function delegateInScope(actor: Actor, meetingId: string, registrationId: string) {
  return db.registration.findFirst({
    where: { ...whereFor(actor, meetingId, {}), id: registrationId, status: { in: ["CONFIRMED", "PENDING", "WAITLISTED"] } },
    select: { id: true, name: true, email: true, jobTitle: true, role: true, dietary: true, accessibility: true, status: true },
  });
}

export async function updateDelegate(
  actor: Actor, meetingId: string,
  registrationId: string,
  details: { name: string; jobTitle: string; role: RegistrationRole; dietary: string; accessibility: string },
): Promise<boolean> {
  const reg = await delegateInScope(actor, meetingId, registrationId);
  if (!reg) return false;
  await db.$transaction(async (tx) => {
    await tx.registration.update({ where: { id: reg.id }, data: details });
    await audit(tx, {
      userId: actor.id,
      entity: "Registration",
      entityId: reg.id,
      meetingId: meetingId,
      action: "update",
      before: { name: reg.name, jobTitle: reg.jobTitle, role: reg.role },
      after: { name: details.name, jobTitle: details.jobTitle, role: details.role },
    });
  });
  return true;
}

/** The registration if it lies within the scope (a focal point's own agency), else null. */
export async function registrationInScope(actor: Actor, meetingId: string, registrationId: string) {
  return db.registration.findFirst({ where: { ...whereFor(actor, meetingId, {}), id: registrationId }, select: { id: true, status: true } });
}

/** A focal point names the head of their own agency's delegation. */
export async function setHeadOfDelegation(actor: Actor, meetingId: string, registrationId: string): Promise<boolean> {
  const agencyId = delegationAgency(actor);
  return db.$transaction(async (tx) => {
    const reg = await tx.registration.findFirst({ where: { id: registrationId, meetingId: meetingId, agencyId, status: { in: ["CONFIRMED", "PENDING"] } }, select: { id: true } });
    if (!reg) return false;
    const d = await tx.delegation.upsert({
      where: { meetingId_agencyId: { meetingId: meetingId, agencyId } },
      update: { headRegistrationId: reg.id },
      create: { meetingId: meetingId, agencyId, headRegistrationId: reg.id },
    });
    await tx.registration.updateMany({ where: { meetingId: meetingId, agencyId, delegationId: null }, data: { delegationId: d.id } });
    await audit(tx, { userId: actor.id, entity: "Delegation", entityId: d.id, meetingId: meetingId, action: "head", after: { headRegistrationId: reg.id } });
    return true;
  });
}

/** One row of a focal point's delegation form; `index` is its place in the form, for its field errors. */
export type DelegateRow = { index: number; person: Omit<RegisterRequest["person"], "agencyId"> };

/**
 * A focal point registers several delegates of their own agency at once, all or nothing. A refusal
 * names the row's field (`delegates[<index>].email`) or, for the whole batch, the form.
 */
export async function registerDelegates(actor: Actor, meetingId: string, rows: DelegateRow[]): Promise<Outcome<{ count: number }>> {
  const agencyId = delegationAgency(actor);
  const res = await registerMany(
    meetingId,
    rows.map((r) => ({ person: { ...r.person, agencyId }, consent: false, source: "FOCAL_POINT" as const, actorId: actor.id, overQuota: "refuse" as const })),
  );
  if (res.ok) return { ok: true, count: rows.length };
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  res.outcomes.forEach((o, i) => {
    if (o.ok) return;
    const [message] = refusalMessages(o);
    if (o.fieldErrors?.email) {
      (fieldErrors[`delegates[${rows[i].index}].email`] ??= []).push(...o.fieldErrors.email);
      return;
    }
    const text = o.reason === "quota" ? key("registration:error.quotaReachedNobodyRegistered") : message;
    if (!formErrors.includes(text)) formErrors.push(text);
  });
  return { ok: false, fieldErrors, formErrors };
}

/** Members who can head the delegation: the agency's confirmed and pending people (for the organisers' form). */
export async function delegationMembers(actor: Actor, meetingId: string, agencyId: string) {
  assertCan(actor, "registrations:manage");
  return db.registration.findMany({
    where: { meetingId, agencyId, status: { in: ["CONFIRMED", "PENDING"] } },
    orderBy: { sortName: "asc" },
    select: { id: true, name: true },
  });
}

export async function saveDelegation(
  actor: Actor,
  meetingId: string,
  input: { agencyId: string; quota?: number; reservedSeats: number; headRegistrationId?: string },
): Promise<Outcome<object>> {
  assertCan(actor, "registrations:manage");
  const agency = await db.agency.findUnique({ where: { id: input.agencyId }, select: { id: true } });
  if (!agency) return fieldRefusal("agencyId", key("registrations:delegations.error.agency"));
  if (input.headRegistrationId) {
    const head = await db.registration.findFirst({ where: { id: input.headRegistrationId, meetingId, agencyId: input.agencyId, status: { in: ["CONFIRMED", "PENDING"] } } });
    if (!head) return fieldRefusal("headRegistrationId", key("registrations:delegations.error.head"));
  }
  await transaction(async (tx) => {
    // The quota and reserved seats are read by seat transactions under the meeting's lock, so they
    // change under it too, with the promotion a raised quota or fewer reserved seats allow.
    const meeting = await lockedMeeting(tx, meetingId);
    const data = { quota: input.quota ?? null, reservedSeats: input.reservedSeats, headRegistrationId: input.headRegistrationId || null };
    const d = await tx.delegation.upsert({
      where: { meetingId_agencyId: { meetingId, agencyId: input.agencyId } },
      update: data,
      create: { meetingId, agencyId: input.agencyId, ...data },
    });
    await tx.registration.updateMany({ where: { meetingId, agencyId: input.agencyId, delegationId: null }, data: { delegationId: d.id } });
    await audit(tx, { userId: actor.id, entity: "Delegation", entityId: d.id, meetingId, action: "save", after: data });
    await promoteWaitlisted(tx, meeting, actor.id);
  });
  return { ok: true };
}

// ---------------------------------------------------------------- invitations

/** The meeting's invitations, newest first, each with the time its link stops working. */
export async function listInvitations(actor: Actor, meetingId: string, now = new Date()) {
  assertCan(actor, "registrations:manage");
  const [meeting, invitations] = await Promise.all([
    db.meeting.findUnique({ where: { id: meetingId }, select: { registrationClosesAt: true, endsAt: true } }),
    db.invitation.findMany({
      where: { meetingId },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, createdAt: true, revokedAt: true, expiresAt: true, agency: { select: { name: true } } },
    }),
  ]);
  if (!meeting) notFound(key("common:error.notFound.meeting"));
  return {
    defaultExpiry: defaultInvitationExpiry(meeting, now),
    invitations: invitations.map((i) => {
      const expiresAt = i.expiresAt ?? meeting.registrationClosesAt ?? meeting.endsAt;
      return { ...i, expiresAt, expired: expiresAt <= now };
    }),
  };
}

/**
 * When a new invitation stops working unless the organiser chooses a time: when registration closes,
 * or at the meeting's end when it has no closing time or registration has closed already
 * (docs/decisions/055-retention-and-derived-keys.md).
 */
export function defaultInvitationExpiry(m: { registrationClosesAt: Date | null; endsAt: Date }, now = new Date()): Date {
  return m.registrationClosesAt && m.registrationClosesAt > now ? m.registrationClosesAt : m.endsAt;
}

/** Creates an invitation link, shown once to the organiser and emailed when an address is given. */
export async function createInvitation(
  actor: Actor,
  meetingId: string,
  input: { agencyId?: string; email?: string; expiresAt?: string },
  now = new Date(),
): Promise<Outcome<{ url: string; expiresAt: Date }>> {
  assertCan(actor, "registrations:manage");
  const agency = input.agencyId ? await db.agency.findUnique({ where: { id: input.agencyId }, select: { id: true, name: true } }) : null;
  if (input.agencyId && !agency) return fieldRefusal("agencyId", key("registrations:delegations.error.agency"));
  const zoneOf = await db.meeting.findUnique({ where: { id: meetingId }, select: { timeZone: true, registrationClosesAt: true, endsAt: true } });
  if (!zoneOf) notFound(key("common:error.notFound.meeting"));
  let expiresAt = defaultInvitationExpiry(zoneOf, now);
  if (input.expiresAt) {
    const chosen = fromLocalInput(input.expiresAt, zoneOf.timeZone);
    if (!chosen) return fieldRefusal("expiresAt", key("registrations:delegations.error.dateTime"));
    if (chosen <= now) return fieldRefusal("expiresAt", key("registrations:delegations.error.future"));
    if (chosen > zoneOf.endsAt) return fieldRefusal("expiresAt", key("registrations:delegations.error.beforeEnd"));
    expiresAt = chosen;
  }
  const url = await db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: MEETING_FOR_MAIL });
    return addInvitation(tx, actor, meeting, { agency, email: input.email ?? null, expiresAt });
  });
  return { ok: true, url, expiresAt };
}

/** One invitation row, its mail through the outbox when it has an address, and its audit entry. */
async function addInvitation(
  tx: Tx,
  actor: Actor,
  meeting: Parameters<typeof queueInvitationMail>[1]["meeting"],
  p: { agency: { id: string; name: string } | null; email: string | null; expiresAt: Date },
): Promise<string> {
  const { token, hash } = newToken();
  const url = `${env().APP_URL}/invite/${token}`;
  const inv = await tx.invitation.create({
    data: { meetingId: meeting.id, agencyId: p.agency?.id ?? null, email: p.email ? normaliseEmail(p.email) : null, tokenHash: hash, expiresAt: p.expiresAt },
  });
  if (p.email) await queueInvitationMail(tx, { meeting, email: p.email, url, invitationId: inv.id, agencyName: p.agency?.name });
  await audit(tx, { userId: actor.id, entity: "Invitation", entityId: inv.id, meetingId: meeting.id, action: "create", after: { agencyId: p.agency?.id ?? null, email: p.email, expiresAt: p.expiresAt } });
  return url;
}

/**
 * Invites agencies to a meeting: for each agency not invited before (any invitation, even a revoked
 * one, counts: the organiser withdrew it on purpose), one invitation per focal point, mailed to them, or
 * one agency invitation without a mail when the agency has no focal point yet (its focal points can then
 * register from their account). Idempotent, also when two calls race: the meeting's lock serialises them.
 */
export async function inviteAgencies(actor: Actor, meetingId: string, agencyIds: string[], now = new Date()): Promise<{ invited: number }> {
  assertCan(actor, "registrations:manage");
  const wanted = [...new Set(agencyIds)];
  if (!wanted.length) return { invited: 0 };
  return transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { ...MEETING_FOR_MAIL, registrationClosesAt: true } });
    if (!meeting) notFound(key("common:error.notFound.meeting"));
    const already = await tx.invitation.findMany({ where: { meetingId, agencyId: { in: wanted } }, select: { agencyId: true } });
    const done = new Set(already.map((i) => i.agencyId));
    const agencies = await tx.agency.findMany({
      where: { id: { in: wanted.filter((id) => !done.has(id)) } },
      select: { id: true, name: true, users: { where: { role: "FOCAL_POINT" }, select: { email: true }, orderBy: { email: "asc" } } },
      orderBy: { sortName: "asc" },
    });
    const expiresAt = defaultInvitationExpiry(meeting, now);
    for (const agency of agencies) {
      const emails = agency.users.length ? agency.users.map((u) => u.email) : [null];
      for (const email of emails) await addInvitation(tx, actor, meeting, { agency: { id: agency.id, name: agency.name }, email, expiresAt });
    }
    return { invited: agencies.length };
  });
}

export async function revokeInvitation(actor: Actor, meetingId: string, invitationId: string): Promise<void> {
  assertCan(actor, "registrations:manage");
  await db.$transaction(async (tx) => {
    const res = await tx.invitation.updateMany({ where: { id: invitationId, meetingId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count) await audit(tx, { userId: actor.id, entity: "Invitation", entityId: invitationId, meetingId, action: "revoke" });
  });
}

/**
 * The invitation behind a link, or null when unknown or revoked. `expired` is set once its time has
 * passed (older rows without one expire when registration closes); the page then says so.
 */
export async function findInvitation(token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, email: true, revokedAt: true, expiresAt: true, agencyId: true, agency: { select: { id: true, name: true } },
      meeting: { select: { ...MEETING_FOR_MAIL, registrationClosesAt: true } },
    },
  });
  if (!inv || inv.revokedAt) return null;
  const expiresAt = inv.expiresAt ?? inv.meeting.registrationClosesAt ?? inv.meeting.endsAt;
  return { ...inv, expiresAt, expired: expiresAt <= now };
}

// ---------------------------------------------------------------- participant list

/**
 * The list other participants may see: only when the meeting shows it, only to a confirmed
 * participant of that meeting (or an organiser), and only people who consented.
 */
export async function participantList(slug: string, user: Actor) {
  const meeting = await meetingBySlug(slug);
  if (!can(user, "registrations:manage")) {
    if (!meeting.participantListVisible) forbidden(key("common:error.refused.listNotShared"));
    const mine = await db.registration.findFirst({
      where: { meetingId: meeting.id, status: "CONFIRMED", OR: [{ userId: user.id }, { emailNormalised: normaliseEmail(user.email) }] },
      select: { id: true },
    });
    if (!mine) forbidden(key("common:error.refused.participantsOnly"));
  }
  const people = await db.registration.findMany({
    where: { meetingId: meeting.id, status: "CONFIRMED", listConsent: true, anonymisedAt: null },
    orderBy: [{ agency: { sortName: "asc" } }, { sortName: "asc" }],
    select: { id: true, name: true, jobTitle: true, role: true, agency: { select: { name: true } } },
  });
  return { meeting, people };
}
