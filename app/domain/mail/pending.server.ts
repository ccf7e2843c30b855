import { db } from "~/utils/db.server";
import { renderStatusMail, type StatusMailArgs } from "~/domain/registration/mail.server";
import { withUnsubscribeFooter } from "./render.server";
import { unsubscribeUrl } from "./unsubscribe.server";

// Mail queued without rendering (outbox rows with pendingRender set, html and text empty). Seat
// transactions hold the meeting's lock, and rendering a mail with its calendar file costs more than
// the rest of the transaction, so they only write the row; whoever needs the content first renders
// it: the worker before sending, the development mailbox and the mail log before showing it.
// Rendering is deterministic, and the update only applies while the row is still unrendered, so two
// renderers racing store one result (docs/decisions/040-outbox-worker.md).

/** The meeting's fields a status mail and its calendar file show (StatusMailMeeting). */
const MEETING_FOR_RENDER = {
  id: true, slug: true, title: true, description: true, venue: true, room: true, city: true, timeZone: true, startsAt: true, endsAt: true,
  status: true, icsSequence: true, organiserName: true, organiserEmail: true, updatedAt: true, format: true, onlineLink: true,
} as const;

export type PendingRender = { template: "registration-status" } & StatusMailArgs;

/**
 * Renders the unrendered messages among `ids` and stores the result. Returns the messages that
 * could not be rendered (their meeting or registration is gone), with the reason.
 */
export async function renderPending(ids: string[]): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  if (ids.length === 0) return failed;
  const rows = await db.outboxMessage.findMany({
    where: { id: { in: ids }, pendingRender: { not: null }, status: { not: "CANCELLED" } },
    select: { id: true, toEmail: true, toName: true, essential: true, pendingRender: true, meetingId: true, registrationId: true },
  });
  if (rows.length === 0) return failed;
  const meetingIds = [...new Set(rows.map((r) => r.meetingId).filter((id): id is string => !!id))];
  const meetings = new Map((await db.meeting.findMany({ where: { id: { in: meetingIds } }, select: MEETING_FOR_RENDER })).map((m) => [m.id, m]));
  for (const row of rows) {
    const spec = JSON.parse(row.pendingRender!) as PendingRender;
    const meeting = row.meetingId ? meetings.get(row.meetingId) : undefined;
    if (!meeting || !row.registrationId) {
      failed.set(row.id, "Could not render: the meeting or the registration no longer exists.");
      continue;
    }
    const mail = await renderStatusMail(spec, meeting, { id: row.registrationId, name: row.toName, email: row.toEmail });
    const body = row.essential ? mail : withUnsubscribeFooter(mail, unsubscribeUrl(row.toEmail));
    await db.outboxMessage.updateMany({
      where: { id: row.id, pendingRender: { not: null } },
      data: { html: body.html, text: body.text, icsContent: mail.ics?.content ?? null, icsMethod: mail.ics?.method ?? null, pendingRender: null },
    });
  }
  return failed;
}
