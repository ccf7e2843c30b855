import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { formatRange, formatTime, offsetChanges } from "~/utils/dates";
import { inviteOnline, meetingInvite } from "~/domain/meetings/ics.server";
import { enqueueMail } from "./outbox.server";
import { renderMail, type MailBlock } from "./render.server";

/**
 * Tells every confirmed participant that a published meeting changed (time, place or agenda), with a
 * calendar update at the meeting's current SEQUENCE. Call inside the transaction that made the change,
 * after bumping `icsSequence`; one mail per participant and sequence.
 */
export async function queueMeetingUpdate(tx: Tx, params: { meetingId: string; summary: string }): Promise<number> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: params.meetingId } });
  const registrations = await tx.registration.findMany({
    where: { meetingId: meeting.id, status: "CONFIRMED", anonymisedAt: null },
    select: { id: true, name: true, email: true, inviteWithdrawals: true },
  });
  // The current agenda goes with every update, so an agenda change can be read in the mail itself.
  const agenda = await tx.agendaItem.findMany({
    where: { meetingId: meeting.id, parentId: null },
    orderBy: [{ startsAt: "asc" }, { position: "asc" }],
    select: { title: true, startsAt: true, endsAt: true },
  });
  const offsetToo = offsetChanges(meeting.startsAt, meeting.endsAt, meeting.timeZone);
  const agendaBlocks: MailBlock[] = agenda.length
    ? [
        { kind: "text", text: `Agenda (times in ${meeting.timeZone}):` },
        { kind: "list", items: agenda.map((a) => `${formatTime(a.startsAt, meeting.timeZone, offsetToo)}–${formatTime(a.endsAt, meeting.timeZone, offsetToo)} ${a.title}`) },
      ]
    : [];
  const url = `${env().APP_URL}/meetings/${meeting.slug}`;
  // A cancelled meeting withdraws the invitation (METHOD:CANCEL) instead of updating it.
  const method = meeting.status === "CANCELLED" ? "CANCEL" : "REQUEST";
  // The update replaces the invite in the calendar: it must carry the online link the invite had.
  const online = method === "REQUEST" ? inviteOnline(meeting) : undefined;
  const onlineBlocks: MailBlock[] = online ? [{ kind: "url", label: "Join online (this link is for registered participants only):", url: online.link }] : [];
  for (const r of registrations) {
    const mail = await renderMail({
      subject: `Updated: ${meeting.title}`,
      preview: params.summary,
      heading: `${meeting.title} has changed`,
      blocks: [
        { kind: "text", text: `Dear ${r.name},` },
        { kind: "text", text: params.summary },
        { kind: "table", rows: [["When", formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)], ["Where", [meeting.venue, meeting.room, meeting.city].filter(Boolean).join(", ")]] },
        ...onlineBlocks,
        ...agendaBlocks,
        { kind: "button", text: "See the meeting and its agenda", url },
        { kind: "text", text: method === "CANCEL" ? "The attached calendar update removes the meeting from your calendar." : "The attached calendar update replaces the earlier invitation." },
      ],
    });
    await enqueueMail(tx, {
      ...mail,
      kind: "meeting-updated",
      to: { email: r.email, name: r.name },
      idempotencyKey: `meeting-updated:${meeting.id}:${meeting.icsSequence}:${r.id}`,
      essential: true,
      ics: { content: meetingInvite(meeting, { name: r.name, email: r.email, inviteWithdrawals: r.inviteWithdrawals }, method, { online }), method },
      meetingId: meeting.id,
      registrationId: r.id,
    });
  }
  return registrations.length;
}
