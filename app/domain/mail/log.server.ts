import { key } from "~/i18n/translate";
import crypto from "node:crypto";
import { containsText, db, type Prisma } from "~/utils/db.server";
import { audit } from "~/domain/audit/audit.server";
import type { Actor } from "~/domain/auth/roles";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { pageCount, PAGE_SIZE } from "~/utils/pagination";
import type { OutboxStatus } from "./outbox.server";
import { renderPending } from "./pending.server";

// The mail log: what was queued, sent, failed (with the SMTP answer) or cancelled, globally, per
// meeting and per person; and the two ways to try again (docs/decisions/043-resend-and-mail-log.md).

export const MAIL_STATUSES: OutboxStatus[] = ["DRAFT", "QUEUED", "SENDING", "SENT", "FAILED", "CANCELLED"];

export type MailFilter = { status?: OutboxStatus; kind?: string; recipient?: string; meetingId?: string };

export function mailFilterFrom(url: URL): MailFilter {
  const get = (k: string) => url.searchParams.get(k)?.trim().slice(0, 254) || undefined;
  const status = get("status");
  return {
    status: MAIL_STATUSES.find((s) => s === status),
    kind: get("kind")?.slice(0, 60),
    recipient: get("recipient")?.toLowerCase(),
  };
}

function where(f: MailFilter): Prisma.OutboxMessageWhereInput {
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    // an exact address gives the per-person view; a fragment searches
    ...(f.recipient ? (f.recipient.includes("@") ? { toEmail: f.recipient } : { toEmail: containsText(f.recipient) }) : {}),
    ...(f.meetingId ? { meetingId: f.meetingId } : {}),
  };
}

export async function listMail(f: MailFilter, page: number) {
  const w = where(f);
  const [total, rows, byStatus] = await Promise.all([
    db.outboxMessage.count({ where: w }),
    db.outboxMessage.findMany({
      where: w,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, kind: true, toEmail: true, toName: true, subject: true, status: true, attempts: true, smtpResponse: true,
        lastError: true, createdAt: true, sentAt: true, nextAttemptAt: true, meeting: { select: { id: true, title: true } },
      },
    }),
    db.outboxMessage.groupBy({ by: ["status"], where: w, _count: { _all: true } }),
  ]);
  return {
    rows,
    total,
    pageCount: pageCount(total),
    byStatus: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Record<string, number>,
  };
}

export async function mailKinds(): Promise<string[]> {
  const kinds = await db.outboxMessage.findMany({ distinct: ["kind"], select: { kind: true }, orderBy: { kind: "asc" } });
  return kinds.map((k) => k.kind);
}

export async function getMail(id: string) {
  // a mail the worker has not rendered yet is rendered now, as the worker would
  await renderPending([id]);
  const m = await db.outboxMessage.findUnique({
    where: { id },
    select: {
      id: true, kind: true, toEmail: true, toName: true, subject: true, html: true, text: true, status: true, attempts: true,
      smtpResponse: true, lastError: true, messageId: true, idempotencyKey: true, essential: true, icsMethod: true,
      createdAt: true, sentAt: true, nextAttemptAt: true, lockedBy: true, headers: true,
      meeting: { select: { id: true, title: true } }, followUpId: true,
    },
  });
  if (!m) notFound(key("common:error.notFound.mailMessage"));
  return m;
}

/**
 * FAILED or CANCELLED: the same row goes back to the queue (same Message-ID: it never arrived).
 * SENT: a new row, a copy with a new Message-ID and an idempotency key pointing at the original.
 */
export async function resendMail(actor: Actor, id: string): Promise<{ id: string; mode: "requeued" | "copied" } | null> {
  return db.$transaction(async (tx) => {
    const m = await tx.outboxMessage.findUnique({ where: { id } });
    if (!m) notFound(key("common:error.notFound.mailMessage"));
    let result: { id: string; mode: "requeued" | "copied" } | null = null;
    if (m.status === "FAILED" || m.status === "CANCELLED") {
      const { count } = await tx.outboxMessage.updateMany({
        where: { id, status: m.status },
        data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null, lockedAt: null, lockedBy: null },
      });
      result = count ? { id, mode: "requeued" } : null;
    } else if (m.status === "SENT") {
      const host = new URL(env().APP_URL).hostname || "convene.local";
      const copy = await tx.outboxMessage.create({
        data: {
          kind: m.kind, toEmail: m.toEmail, toName: m.toName, subject: m.subject, html: m.html, text: m.text,
          icsContent: m.icsContent, icsMethod: m.icsMethod, headers: m.headers ?? {}, essential: m.essential,
          messageId: `<${crypto.randomUUID()}@${host}>`,
          idempotencyKey: `resend:${m.id}:${crypto.randomUUID().slice(0, 8)}`,
          meetingId: m.meetingId, registrationId: m.registrationId, followUpId: m.followUpId,
        },
        select: { id: true },
      });
      result = { id: copy.id, mode: "copied" };
    }
    if (result) {
      await audit(tx, { userId: actor.id, entity: "OutboxMessage", entityId: m.id, meetingId: m.meetingId, action: `resend-${result.mode}`, after: { id: result.id } });
    }
    return result;
  });
}

export async function reminderStatus(meetingId: string) {
  return db.reminderSent.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" }, select: { offset: true, createdAt: true } });
}
