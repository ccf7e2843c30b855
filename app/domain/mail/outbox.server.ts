import crypto from "node:crypto";
import { dialect, type Tx } from "~/utils/db.server";
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

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
export const INSERT_CHUNK = 500;

/** The columns a new outbox row is written with, in the order of insertRows' VALUES. */
const COLUMNS = [
  "id", "kind", "toEmail", "toName", "subject", "html", "text", "icsContent", "icsMethod", "pendingRender", "headers", "essential",
  "status", "nextAttemptAt", "messageId", "idempotencyKey", "meetingId", "registrationId", "followUpId", "createdAt", "updatedAt",
] as const;

/**
 * One multi-row INSERT of outbox rows. Prisma's createMany compiled and interpreted every 500-row chunk
 * with its bodies (a 2,000-person follow-up: 18.7 s against 2.2 s for this on a loaded machine, most of it
 * in the query compiler and the garbage collector; docs/decisions/084-mail-delivery-speed.md). The values
 * are bound parameters; dates are written as Prisma writes them (SQLite: ISO text with +00:00, PostgreSQL:
 * timestamp(3) in UTC), the enum and the JSON column cast on PostgreSQL.
 */
async function insertRows(tx: Tx, rows: ReturnType<typeof outboxRow>[]): Promise<void> {
  const pg = dialect() === "postgresql";
  const now = new Date().toISOString();
  const at = (d: Date | string) => {
    const iso = typeof d === "string" ? d : d.toISOString();
    return pg ? iso : iso.replace(/Z$/, "+00:00");
  };
  const cast: Partial<Record<(typeof COLUMNS)[number], string>> = pg
    ? { headers: "::jsonb", status: '::"OutboxStatus"', nextAttemptAt: "::timestamp(3)", createdAt: "::timestamp(3)", updatedAt: "::timestamp(3)" }
    : {};
  const params: unknown[] = [];
  const tuples = rows.map((r) => {
    const values: Record<(typeof COLUMNS)[number], unknown> = {
      ...r, id: crypto.randomUUID(), headers: JSON.stringify(r.headers), nextAttemptAt: at(r.nextAttemptAt), createdAt: at(now), updatedAt: at(now),
    };
    return `(${COLUMNS.map((c) => {
      params.push(values[c]);
      return `${pg ? `$${params.length}` : "?"}${cast[c] ?? ""}`;
    }).join(",")})`;
  });
  await tx.$executeRawUnsafe(`INSERT INTO "OutboxMessage" (${COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES ${tuples.join(",")}`, ...params);
}

/**
 * Queues many mails with set-based inserts. Only for mails whose idempotency keys are new by
 * construction (made from rows created in the same transaction): a repeated key is a bug and fails
 * the transaction, where enqueueMail would ignore it.
 */
export async function enqueueNewMails(tx: Tx, mails: NewMail[]): Promise<number> {
  for (let i = 0; i < mails.length; i += INSERT_CHUNK) {
    await insertRows(tx, mails.slice(i, i + INSERT_CHUNK).map(outboxRow));
  }
  return mails.length;
}
