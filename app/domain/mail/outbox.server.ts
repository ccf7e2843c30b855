import crypto from "node:crypto";
import type { Tx } from "~/utils/db.server";
import { insertMany, type ColumnKind } from "~/utils/insert-many.server";
import { env } from "~/utils/env.server";
import { withUnsubscribeFooter, type RenderedMail } from "./render.server";
import { normaliseEmail, unsubscribeUrl } from "./unsubscribe.server";
import type { PendingRender } from "./pending.server";

// The only way to send mail: write an OutboxMessage in the same transaction as the change that
// causes it. The worker (domain/mail/worker.server.ts) sends it after commit.

export type { OutboxStatus } from "~/generated/prisma/enums.ts";

/** What every outbox message carries, rendered or not. */
type Envelope = {
  subject: string;
  /** template name, e.g. "registration-confirmed" */
  kind: string;
  to: { email: string; name?: string };
  /** the same key twice means the same mail: the second enqueue is ignored */
  idempotencyKey: string;
  /**
   * Essential mail (sign-in, registration status, meeting changes) carries no unsubscribe link.
   * Non-essential mail (reminders, follow-ups, progress requests) gets the unsubscribe footer and
   * the List-Unsubscribe headers here, and is cancelled by the worker for suppressed addresses.
   */
  essential: boolean;
  headers?: Record<string, string>;
  meetingId?: string | null;
  registrationId?: string | null;
  followUpId?: string | null;
  /** DRAFT keeps the message for review before sending */
  status?: "QUEUED" | "DRAFT";
  sendAfter?: Date;
};

export type NewMail = Envelope &
  (
    | (RenderedMail & { ics?: { content: string; method: "REQUEST" | "CANCEL" | "PUBLISH" } })
    /**
     * Queued without rendering, for writes that hold a lock (seat transactions): the worker renders
     * it before sending (pending.server.ts). The row is written in the same transaction as the
     * change, so a crash before rendering loses nothing.
     */
    | { pendingRender: PendingRender }
  );

function newMessageId(): string {
  const host = new URL(env().APP_URL).hostname || "convene.local";
  return `<${crypto.randomUUID()}@${host}>`;
}

function outboxRow(mail: NewMail) {
  const toEmail = normaliseEmail(mail.to.email);
  const rendered = "pendingRender" in mail ? null : mail;
  let body: RenderedMail = { subject: mail.subject, html: rendered?.html ?? "", text: rendered?.text ?? "", language: rendered?.language ?? "en" };
  let headers = mail.headers ?? {};
  if (!mail.essential) {
    const url = unsubscribeUrl(toEmail);
    // an unrendered mail gets its footer when it is rendered
    if (rendered) body = withUnsubscribeFooter(body, url);
    headers = { ...headers, "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
  }
  return {
    kind: mail.kind,
    toEmail,
    toName: mail.to.name ?? "",
    subject: body.subject,
    html: body.html,
    text: body.text,
    icsContent: rendered?.ics?.content ?? null,
    icsMethod: rendered?.ics?.method ?? null,
    pendingRender: "pendingRender" in mail ? JSON.stringify(mail.pendingRender) : null,
    headers,
    essential: mail.essential,
    status: mail.status ?? "QUEUED",
    nextAttemptAt: mail.sendAfter ?? new Date(),
    messageId: newMessageId(),
    idempotencyKey: mail.idempotencyKey,
    meetingId: mail.meetingId ?? null,
    registrationId: mail.registrationId ?? null,
    followUpId: mail.followUpId ?? null,
  };
}

export async function enqueueMail(tx: Tx, mail: NewMail): Promise<{ id: string }> {
  return tx.outboxMessage.upsert({
    where: { idempotencyKey: mail.idempotencyKey },
    update: {},
    create: outboxRow(mail),
    select: { id: true },
  });
}

/** How each column of a new outbox row is written by enqueueNewMails (insertMany). */
const OUTBOX_COLUMNS = {
  id: "value", kind: "value", toEmail: "value", toName: "value", subject: "value", html: "value", text: "value", icsContent: "value",
  icsMethod: "value", pendingRender: "value", headers: "json", essential: "value", status: { enum: "OutboxStatus" }, nextAttemptAt: "date",
  messageId: "value", idempotencyKey: "value", meetingId: "value", registrationId: "value", followUpId: "value", createdAt: "date", updatedAt: "date",
} as const satisfies Record<string, ColumnKind>;

/**
 * Queues many mails with set-based inserts. Only for mails whose idempotency keys are new by
 * construction (made from rows created in the same transaction): a repeated key is a bug and fails
 * the transaction, where enqueueMail would ignore it.
 */
export async function enqueueNewMails(tx: Tx, mails: NewMail[]): Promise<number> {
  // Multi-row INSERTs, not createMany: a 2,000-person follow-up took 18.7 s against 2.2 s through Prisma's
  // query compiler on a loaded machine (docs/decisions/084-mail-delivery-speed.md).
  const now = new Date();
  await insertMany(tx, "OutboxMessage", OUTBOX_COLUMNS, mails.map((mail) => ({ ...outboxRow(mail), id: crypto.randomUUID(), createdAt: now, updatedAt: now })));
  return mails.length;
}
