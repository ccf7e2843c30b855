import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { composeMessage } from "./compose.server";

// How an outbox message leaves Convene. With SMTP_URL set: nodemailer over a small connection
// pool. Without it: the "database transport" keeps the message in the outbox (marked sent) and
// the development mailbox (/dev/mailbox) shows it, so the embedded run needs no mail server.

export type StoredMessage = {
  toEmail: string;
  toName: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Prisma.JsonValue;
  icsContent: string | null;
  icsMethod: string | null;
  /** where replies go (replyToAddress); null: to the sender */
  replyTo: string | null;
};

/**
 * Replies go to people, not to MAIL_FROM's no-reply box: to the organiser of the meeting the mail is
 * about, else to MAIL_REPLY_TO (the secretariat), else nowhere else (docs/decisions/072-reply-to-and-online-link.md).
 * Read when the mail is sent, so a changed organiser address applies to mail still in the queue.
 */
export function replyToAddress(meetingOrganiserEmail: string | null | undefined): string | null {
  return meetingOrganiserEmail?.trim() || env().MAIL_REPLY_TO || null;
}

export type SendResult =
  | { ok: true; response: string }
  /** temporary: try again later (4xx, connection trouble); otherwise the address or message is refused for good */
  | { ok: false; temporary: boolean; response: string };

export type MailTransport = {
  name: "smtp" | "database";
  send(message: StoredMessage): Promise<SendResult>;
  close(): void;
};

export const DEV_MAILBOX_RESPONSE = "250 kept in the development mailbox (SMTP_URL is not set)";

/**
 * SMTP_URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the
 * start). Query options: `tls_reject_unauthorized=false` accepts a self-signed certificate (test
 * relays only), `max_connections=N` sizes the pool (default 3).
 */
export function smtpOptions(smtpUrl: string): SMTPPool.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const maxConnections = Number(url.searchParams.get("max_connections") ?? 3);
  return {
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    tls: { rejectUnauthorized: url.searchParams.get("tls_reject_unauthorized") !== "false" },
    maxConnections: Number.isInteger(maxConnections) && maxConnections > 0 && maxConnections <= 20 ? maxConnections : 3,
    maxMessages: 500,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/** 5xx answers are permanent; 4xx answers and connection errors are worth another try. */
export function classifyError(error: unknown): { temporary: boolean; response: string } {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const response = (e.response || e.message || String(error)).slice(0, 1000);
  if (typeof e.responseCode === "number") return { temporary: e.responseCode < 500, response };
  // No SMTP answer at all: refused connection, timeout, TLS trouble. The server may come back.
  return { temporary: true, response: e.code ? `${e.code}: ${response}` : response };
}

/**
 * What nodemailer is given for a stored message: the sender, the recipient, the parts, the headers. The
 * MIME boundaries are made from the Message-ID's random hex digits instead of fresh random bytes for every
 * part (crypto.randomBytes per MIME node was a measurable share of the worker's CPU): as unguessable before
 * the message is sent, and a retry writes the same bytes.
 */
export function messageOptions(m: StoredMessage): Mail.Options {
  const hex = m.messageId.replace(/@.*$/, "").replace(/[^0-9a-f]/gi, "");
  return {
    ...(hex.length >= 16 ? { baseBoundary: hex.slice(-16).toLowerCase() } : {}),
    from: env().MAIL_FROM,
    to: m.toName ? { name: m.toName, address: m.toEmail } : m.toEmail,
    replyTo: m.replyTo ?? undefined,
    subject: m.subject,
    html: m.html,
    text: m.text,
    messageId: m.messageId,
    headers: m.headers as Record<string, string>,
    icalEvent: m.icsContent ? { method: m.icsMethod ?? "REQUEST", content: m.icsContent, filename: "invite.ics" } : undefined,
  };
}

function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpOptions(smtpUrl));
  return {
    name: "smtp",
    async send(m) {
      try {
        // Built by nodemailer's composer, written in one piece, sent as it is (compose.server.ts).
        const { envelope, raw } = await composeMessage(messageOptions(m));
        const info = await transporter.sendMail({ envelope, raw });
        return { ok: true, response: String(info.response ?? "250 accepted").slice(0, 1000) };
      } catch (error) {
        return { ok: false, ...classifyError(error) };
      }
    },
    close: () => transporter.close(),
  };
}

const databaseTransport: MailTransport = {
  name: "database",
  send: async () => ({ ok: true, response: DEV_MAILBOX_RESPONSE }),
  close: () => {},
};

export function createTransport(smtpUrl = env().SMTP_URL): MailTransport {
  return smtpUrl ? smtpTransport(smtpUrl) : databaseTransport;
}
