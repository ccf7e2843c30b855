import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { asLanguage, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { formatRange } from "~/utils/dates";
import { inviteOnline, meetingInvite } from "~/domain/meetings/ics.server";
import { enqueueMail } from "./outbox.server";
import { renderMail, type MailBlock } from "./render.server";
import { agendaBlocks } from "./templates.server";

/**
 * Tells every confirmed participant that a published meeting changed (time, place or agenda), with a
 * calendar update at the meeting's current SEQUENCE. Call inside the transaction that made the change,
 * after bumping `icsSequence`; one mail per participant and sequence.
 */
export async function queueMeetingUpdate(tx: Tx, params: { meetingId: string; summary: (language: Language) => string }): Promise<number> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: params.meetingId } });
  const registrations = await tx.registration.findMany({
    where: { meetingId: meeting.id, status: "CONFIRMED", anonymisedAt: null },
    select: { id: true, name: true, email: true, inviteWithdrawals: true, language: true },
  });
  // The current agenda goes with every update, so an agenda change can be read in the mail itself.
  const agenda = await tx.agendaItem.findMany({
    where: { meetingId: meeting.id, parentId: null },
    orderBy: [{ startsAt: "asc" }, { position: "asc" }],
    select: { title: true, startsAt: true, endsAt: true },
  });
  const url = `${env().APP_URL}/meetings/${meeting.slug}`;
  // A cancelled meeting withdraws the invitation (METHOD:CANCEL) instead of updating it.
  const method = meeting.status === "CANCELLED" ? "CANCEL" : "REQUEST";
  // The update replaces the invite in the calendar: it must carry the online link the invite had.
  const online = method === "REQUEST" ? inviteOnline(meeting) : undefined;
  for (const r of registrations) {
    // in the language the person registered in (decision 081)
    const language = asLanguage(r.language);
    const t = tFor(language);
    const summary = params.summary(language);
    const mail = await renderMail({
      language,
      subject: t("mail:update.subject", { title: meeting.title }),
      preview: summary,
      heading: t("mail:update.heading", { title: meeting.title }),
      blocks: [
        { kind: "text", text: t("mail:dear", { name: r.name }) },
        { kind: "text", text: summary },
        {
          kind: "table",
          rows: [
            [t("mail:label.when"), formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, language)],
            [t("mail:label.where"), [meeting.venue, meeting.room, meeting.city].filter(Boolean).join(", ")],
          ],
        },
        ...(online ? [{ kind: "url", label: t("mail:label.joinOnline"), url: online.link } satisfies MailBlock] : []),
        ...(agenda.length ? agendaBlocks(agenda, meeting, language) : []),
        { kind: "button", text: t("mail:update.seeAgenda"), url },
        { kind: "text", text: method === "CANCEL" ? t("mail:update.cancel") : t("mail:update.replace") },
      ],
    });
    await enqueueMail(tx, {
      ...mail,
      kind: "meeting-updated",
      to: { email: r.email, name: r.name },
      idempotencyKey: `meeting-updated:${meeting.id}:${meeting.icsSequence}:${r.id}`,
      essential: true,
      ics: { content: meetingInvite(meeting, { name: r.name, email: r.email, inviteWithdrawals: r.inviteWithdrawals }, method, { online, language }), method },
      meetingId: meeting.id,
      registrationId: r.id,
    });
  }
  return registrations.length;
}
