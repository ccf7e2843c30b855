import crypto from "node:crypto";
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { withUnsubscribeFooter, type RenderedMail } from "./render.server";
import { normaliseEmail, unsubscribeUrl } from "./unsubscribe.server";

// The only way to send mail: write an OutboxMessage in the same transaction as the change that
// causes it. The worker (domain/mail/worker.server.ts) sends it after commit.

export type { OutboxStatus } from "~/generated/prisma/enums.ts";

export type NewMail = RenderedMail & {
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
  const toEmail = normaliseEmail(mail.to.email);
  let body: RenderedMail = { subject: mail.subject, html: mail.html, text: mail.text };
  let headers = mail.headers ?? {};
  if (!mail.essential) {
    const url = unsubscribeUrl(toEmail);
    body = withUnsubscribeFooter(body, url);
    headers = { ...headers, "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
  }
  return tx.outboxMessage.upsert({
    where: { idempotencyKey: mail.idempotencyKey },
    update: {},
    create: {
      kind: mail.kind,
      toEmail,
      toName: mail.to.name ?? "",
      subject: body.subject,
      html: body.html,
      text: body.text,
      icsContent: mail.ics?.content ?? null,
      icsMethod: mail.ics?.method ?? null,
      headers,
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
