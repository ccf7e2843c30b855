import crypto from "node:crypto";
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { RenderedMail } from "./render.server";

// The only way to send mail: write an OutboxMessage in the same transaction as the change that
// causes it. The worker (domain/mail/worker.server.ts) sends it after commit.

export type OutboxStatus = "DRAFT" | "QUEUED" | "SENDING" | "SENT" | "FAILED" | "CANCELLED";

export type NewMail = RenderedMail & {
  /** template name, e.g. "registration-confirmed" */
  kind: string;
  to: { email: string; name?: string };
  /** the same key twice means the same mail: the second enqueue is ignored */
  idempotencyKey: string;
  /** essential mail (sign-in, registration status) carries no unsubscribe link */
  essential: boolean;
  ics?: { content: string; method: "REQUEST" | "CANCEL" | "PUBLISH" };
  headers?: Record<string, string>;
  meetingId?: string | null;
  registrationId?: string | null;
  followUpId?: string | null;
  /** DRAFT keeps the message for review before sending */
  status?: "QUEUED" | "DRAFT";
  sendAfter?: Date;
};

function newMessageId(): string {
  const host = new URL(env().APP_URL).hostname || "convene.local";
  return `<${crypto.randomUUID()}@${host}>`;
}

export async function enqueueMail(tx: Tx, mail: NewMail): Promise<{ id: string }> {
  return tx.outboxMessage.upsert({
    where: { idempotencyKey: mail.idempotencyKey },
    update: {},
    create: {
      kind: mail.kind,
      toEmail: mail.to.email,
      toName: mail.to.name ?? "",
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      icsContent: mail.ics?.content ?? null,
      icsMethod: mail.ics?.method ?? null,
      headers: JSON.stringify(mail.headers ?? {}),
      essential: mail.essential,
      status: mail.status ?? "QUEUED",
      nextAttemptAt: mail.sendAfter ?? new Date(),
      messageId: newMessageId(),
      idempotencyKey: mail.idempotencyKey,
      meetingId: mail.meetingId ?? null,
      registrationId: mail.registrationId ?? null,
      followUpId: mail.followUpId ?? null,
    },
    select: { id: true },
  });
}
