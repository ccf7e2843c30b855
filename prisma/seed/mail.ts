import { db } from "~/utils/db.server";
import { createFollowUpDraft, sendFollowUp } from "~/domain/mail/followups.server";
import { followUpSchema } from "~/domain/mail/followup.schema";
import type { Actor } from "~/domain/auth/roles";

// Demo mail: the follow-up of the Calais Group's autumn 2025 session in Berlin, already delivered,
// with one address that bounced, so the mail log and the follow-up page show a real history.
// Marked as delivered here (never handed to a mail server, even when SMTP_URL is set).

export async function seedMail(): Promise<{ messages: number }> {
  const meeting = await db.meeting.findUnique({ where: { slug: "calais-group-2025-autumn" }, select: { id: true, endsAt: true, timeZone: true } });
  const user = await db.user.findUnique({ where: { email: "secretariat@example.org" } });
  if (!meeting || !user) return { messages: 0 };
  const actor: Actor = { id: user.id, role: "SECRETARIAT", agencyId: user.agencyId, name: user.name, email: user.email };
  const input = followUpSchema(meeting.timeZone).parse({
    subject: "Calais Group, autumn session 2025: summary and next steps",
    summary:
      "Thank you for taking part in the autumn session of the Calais Group at the Federal Ministry of the Interior in Berlin.\n\n" +
      "Members reviewed the joint operational picture on small-boat crossings, agreed to extend the information exchange on facilitator networks, " +
      "and adopted the recommendations listed below. The draft minutes are attached for comment within two weeks.",
    documents: "https://example.org/calais-group/2025-autumn/minutes-draft.pdf\nhttps://example.org/calais-group/2025-autumn/presentations.zip",
    nextSessionAt: "2027-03-11T09:30",
    audience: "ATTENDEES",
  });
  const draft = await createFollowUpDraft(actor, meeting.id, input);
  if (!draft) return { messages: 0 };
  await sendFollowUp(actor, meeting.id, draft.id);
  const sentAt = new Date(meeting.endsAt.getTime() + 2 * 86_400_000);
  await db.followUp.update({ where: { id: draft.id }, data: { status: "SENT", queuedAt: sentAt, createdAt: sentAt } });
  await db.outboxMessage.updateMany({
    where: { followUpId: draft.id },
    data: { status: "SENT", attempts: 1, sentAt, createdAt: sentAt, smtpResponse: "250 kept in the development mailbox (demo data)" },
  });
  const bounced = await db.outboxMessage.findFirst({ where: { followUpId: draft.id }, orderBy: { toEmail: "desc" }, select: { id: true, toEmail: true } });
  if (bounced) {
    const answer = `550 5.1.1 <${bounced.toEmail}>: Recipient address rejected: User unknown in virtual mailbox table (demo data)`;
    await db.outboxMessage.update({
      where: { id: bounced.id },
      data: { status: "FAILED", sentAt: null, smtpResponse: answer, lastError: answer },
    });
  }
  return { messages: draft.recipients };
}
