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
    select: { id: true, toEmail: true, toName: true, subject: true, html: true, text: true, icsContent: true, status: true, createdAt: true, kind: true },
  });
  if (!message) notFound(key("common:error.notFound.mailMessage"));
  return message;
}
