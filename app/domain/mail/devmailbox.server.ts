import { containsText, db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

// With no SMTP_URL the embedded run keeps mail in the database and shows it here, so sign-in
// and every other mail can be followed without a mail server. Never available once SMTP is set.

export function requireDevMailbox(): void {
  if (env().SMTP_URL) notFound();
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
  const message = await db.outboxMessage.findUnique({
    where: { id },
    select: { id: true, toEmail: true, toName: true, subject: true, html: true, text: true, icsContent: true, status: true, createdAt: true, kind: true },
  });
  if (!message) notFound("That message does not exist.");
  return message;
}
