import { isLanguage, type Language } from "~/i18n/config";
import { key } from "~/i18n/translate";
import { containsText, db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { renderPending } from "./pending.server";

// A demo without a mail server (DEV_MAILBOX=on, never with SMTP_URL) shows every mail here to
// everyone, sign-in links included. Otherwise these pages do not exist: anyone could read the
// organiser's sign-in link (docs/decisions/052-dev-mailbox-opt-in.md).

export function devMailboxEnabled(): boolean {
  return env().DEV_MAILBOX;
}

export function requireDevMailbox(): void {
  if (!devMailboxEnabled()) notFound();
}

export async function listDevMailbox(to?: string) {
  requireDevMailbox();
  return db.outboxMessage.findMany({
    // Drafts are not mail yet: they show up here once they are sent.
    where: { status: { not: "DRAFT" }, ...(to ? { toEmail: containsText(to.trim()) } : {}) },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, toEmail: true, subject: true, kind: true, status: true, createdAt: true },
  });
}

export async function getDevMailboxMessage(id: string) {
  requireDevMailbox();
  // a mail the worker has not rendered yet is rendered now, as the worker would
  await renderPending([id]);
  const message = await db.outboxMessage.findUnique({
    where: { id },
    select: { id: true, toEmail: true, toName: true, subject: true, html: true, text: true, icsContent: true, status: true, createdAt: true, kind: true, headers: true },
  });
  if (!message) notFound(key("common:error.notFound.mailMessage"));
  const { headers, ...shown } = message;
  return { ...shown, language: mailLanguage(headers, message.html) };
}

/**
 * The language a mail is written in, for its `lang` on the page: its Content-Language (the first one is
 * the mail's; the others are its content's, not translated yet), else its HTML's `lang` (every mail has one).
 */
export function mailLanguage(headers: unknown, html: string): Language | null {
  const header = headers && typeof headers === "object" ? (headers as Record<string, unknown>)["Content-Language"] : undefined;
  const first = typeof header === "string" ? header.split(",")[0].trim() : undefined;
  if (isLanguage(first)) return first;
  const fromHtml = /<html\b[^>]*\slang="([\w-]+)"/i.exec(html)?.[1];
  return isLanguage(fromHtml) ? fromHtml : null;
}
