import { db, dialect, type Tx } from "~/utils/db.server";
import { audit } from "~/domain/audit/audit.server";
import type { OutboxStatus } from "~/domain/mail/outbox.server";
import { deleteDelegationDocuments } from "~/domain/documents/documents.server";
import { erasedData, erasedDataForMany, REMOVED } from "~/domain/privacy/personal-data.server";

// Personal data of registrations is kept for the meeting's retention period after it ends, then
// erased everywhere it was copied to: the registrations, their status history, the invitations,
// the mail written to them (outbox rows) and the audit snapshots. Which columns and how comes from
// the one list in domain/privacy/personal-data.server.ts. Counts, statuses and attendance stay, so
// statistics and follow-up history still add up (docs/decisions/055-retention-and-derived-keys.md).

const DAY = 86_400_000;

/** Audit entities whose snapshots of a meeting describe its participants. */
const PARTICIPANT_ENTITIES = ["Registration", "Invitation", "Delegation", "OutboxMessage"];
const UNSENT: OutboxStatus[] = ["DRAFT", "QUEUED", "SENDING", "FAILED"];

/** Meetings whose end plus retention days has passed and that still hold personal data. */
export async function meetingsDueForAnonymisation(now = new Date()) {
  const candidates = await db.meeting.findMany({
    where: { retentionDays: { not: null }, anonymisedAt: null, endsAt: { lt: now } },
    select: { id: true, slug: true, endsAt: true, retentionDays: true },
  });
  return candidates.filter((m) => m.endsAt.getTime() + (m.retentionDays ?? 0) * DAY <= now.getTime());
}

export async function anonymiseMeetingRegistrations(meetingId: string, now = new Date()): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const regs = await tx.registration.findMany({ where: { meetingId }, select: { id: true, email: true, emailNormalised: true, anonymisedAt: true } });
      const ids = regs.map((r) => r.id);
      const live = regs.filter((r) => !r.anonymisedAt);
      for (const r of live) {
        await tx.registration.update({ where: { id: r.id }, data: { ...erasedData("Registration", r.id), userId: null, anonymisedAt: now } });
      }
      await tx.registrationEvent.updateMany({ where: { registrationId: { in: ids } }, data: erasedDataForMany("RegistrationEvent") });
      await tx.invitation.updateMany({ where: { meetingId }, data: erasedDataForMany("Invitation") });

      const mail = { OR: [{ meetingId }, { registrationId: { in: ids } }] };
      await tx.outboxMessage.updateMany({ where: { AND: [mail, { status: { in: UNSENT } }] }, data: { status: "CANCELLED", lockedAt: null, lockedBy: null } });
      await tx.outboxMessage.updateMany({ where: mail, data: erasedDataForMany("OutboxMessage") });

      await tx.auditLog.updateMany({
        where: { OR: [{ meetingId, entity: { in: PARTICIPANT_ENTITIES } }, { entity: "Registration", entityId: { in: ids } }] },
        data: erasedDataForMany("AuditLog"),
      });
      await eraseAuditMentions(tx, live.flatMap((r) => [r.email, r.emailNormalised]));

      // Documents for one agency's delegation go with the registrations; the meeting's other documents stay (decision 076).
      const documents = await deleteDelegationDocuments(tx, meetingId);

      await tx.meeting.update({ where: { id: meetingId }, data: { anonymisedAt: now } });
      await audit(tx, { userId: null, entity: "Meeting", entityId: meetingId, meetingId, action: "anonymise-registrations", after: { registrations: live.length, documents } });
      return live.length;
    },
    { timeout: 120_000 },
  );
}

/**
 * Audit snapshots elsewhere that name one of these addresses (an invitation of another meeting, a
 * sign-in by the operator command ...). Only snapshots with an @ are read.
 */
async function eraseAuditMentions(tx: Tx, emails: string[]): Promise<void> {
  const needles = [...new Set(emails.map((e) => e.toLowerCase()).filter((e) => e.includes("@")))];
  if (needles.length === 0) return;
  // JSON columns have no portable text search in Prisma: SQLite stores JSON as text, PostgreSQL's jsonb reads as text with ::text.
  const asText = (column: string) => (dialect() === "postgresql" ? `"${column}"::text` : `"${column}"`);
  const withAt = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "AuditLog" WHERE ${asText("before")} LIKE '%@%' OR ${asText("after")} LIKE '%@%'`);
  const rows = await tx.auditLog.findMany({ where: { id: { in: withAt.map((r) => r.id) } }, select: { id: true, before: true, after: true } });
  const hits = rows.filter((r) => {
    const text = `${JSON.stringify(r.before)}\n${JSON.stringify(r.after)}`.toLowerCase();
    return needles.some((n) => text.includes(n));
  });
  if (hits.length) await tx.auditLog.updateMany({ where: { id: { in: hits.map((h) => h.id) } }, data: erasedDataForMany("AuditLog") });
}

/**
 * Personal data that outlives its use whatever the meeting: spent or expired sign-in links, expired
 * abuse-limit counters (keyed by hashes of addresses), the addresses of expired or used progress
 * links, and sign-in mails whose link expired long ago.
 */
export async function eraseExpiredLinks(now = new Date()): Promise<{ loginTokens: number; rateLimits: number; progressLinks: number; signInMails: number }> {
  const monthAgo = new Date(now.getTime() - 30 * DAY);
  return db.$transaction(async (tx) => {
    const loginTokens = (await tx.loginToken.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }] } })).count;
    const rateLimits = (await tx.rateLimit.deleteMany({ where: { expire: { lt: now } } })).count;
    const progressLinks = (
      await tx.progressLink.updateMany({
        where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }], NOT: { email: REMOVED } },
        data: erasedDataForMany("ProgressLink"),
      })
    ).count;
    const signInMails = (
      await tx.outboxMessage.updateMany({
        where: { kind: "sign-in", createdAt: { lt: monthAgo }, status: { notIn: UNSENT }, NOT: { html: "" } },
        data: erasedDataForMany("OutboxMessage"),
      })
    ).count;
    return { loginTokens, rateLimits, progressLinks, signInMails };
  });
}

/** `npm run retention`: anonymises every meeting that is due, then erases expired links. */
export async function runRetention(now = new Date()) {
  const due = await meetingsDueForAnonymisation(now);
  let registrations = 0;
  for (const m of due) registrations += await anonymiseMeetingRegistrations(m.id, now);
  const expired = await eraseExpiredLinks(now);
  return { meetings: due.length, registrations, expired };
}
