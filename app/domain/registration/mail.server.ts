import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { asLanguage, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { formatRange } from "~/utils/dates";
import { signFor } from "~/utils/tokens.server";
import { languageOfAddress } from "~/domain/mail/language.server";
import { enqueueMail, type NewMail } from "~/domain/mail/outbox.server";
import { renderMail, type MailBlock } from "~/domain/mail/render.server";
import { inviteOnline, meetingInvite, type IcsMeeting } from "~/domain/meetings/ics.server";

// Status mail for registrations. All essential (no unsubscribe): people must learn whether they
// have a seat. Each mail carries the private link and the meeting time in the meeting's zone.
// Status mails are queued unrendered (statusMail) and rendered by the worker (renderStatusMail).

export type StatusMailKind = "received" | "confirmed" | "waitlisted" | "promoted" | "declined" | "cancelled";

type Person = { id: string; name: string; email: string };

/** The subject of a status mail, in the recipient's language. */
function subjectOf(kind: StatusMailKind, title: string, language: Language): string {
  const t = tFor(language);
  return t(`mail:status.subject.${kind}`, { title });
}

export function manageUrl(token: string): string {
  return `${env().APP_URL}/registrations/${token}`;
}

/**
 * The private link's token is derived from the registration id with the server secret, so every
 * status mail can carry the same working link although only its hash is stored
 * (docs/decisions/022-retention-and-self-service.md). Anonymising replaces the hash, killing it.
 */
export function privateLinkToken(registrationId: string): string {
  return signFor(env().SESSION_SECRET, "registration-link", `registration-link:${registrationId}`);
}

/** What a status mail says beyond the meeting and the person: stored with the unrendered mail. */
export type StatusMailArgs = {
  kind: StatusMailKind;
  /** a promotion that still needs the organisers' approval */
  awaitingApproval?: boolean;
  /** a cancelled or declined person who held a confirmed seat gets a calendar CANCEL */
  withdrawInvite?: boolean;
  /** Registration.inviteWithdrawals once this change is made: sets the invite's SEQUENCE */
  inviteWithdrawals?: number;
  /** "quotaUsed": a line of the mail's own, translated when rendered (older rows hold English text, shown as it is) */
  reason?: string;
  /** the recipient's language: Registration.language (docs/decisions/081-mail-language.md); older rows have none: English */
  language?: Language;
};

/**
 * A status mail for the outbox, not rendered: seat transactions queue it under the meeting's lock
 * and the worker renders it (domain/mail/pending.server.ts). The idempotency key names the status
 * event, so one event gives one mail.
 */
export function statusMail(p: StatusMailArgs & { meeting: { id: string; title: string }; person: Person; eventId: string }): NewMail {
  const args: StatusMailArgs = { kind: p.kind };
  if (p.awaitingApproval) args.awaitingApproval = true;
  if (p.withdrawInvite) args.withdrawInvite = true;
  if (p.inviteWithdrawals) args.inviteWithdrawals = p.inviteWithdrawals;
  if (p.reason) args.reason = p.reason;
  if (p.language && p.language !== "en") args.language = p.language;
  return {
    subject: subjectOf(p.kind, p.meeting.title, asLanguage(p.language)),
    pendingRender: { template: "registration-status", ...args },
    kind: `registration-${p.kind}`,
    to: { email: p.person.email, name: p.person.name },
    idempotencyKey: `registration:${p.person.id}:${p.kind}:${p.eventId}`,
    essential: true,
    meetingId: p.meeting.id,
    registrationId: p.person.id,
  };
}

/** The meeting as a status mail shows it: the calendar fields and how to attend. */
export type StatusMailMeeting = IcsMeeting & { format: string; onlineLink: string | null };

/**
 * The status mail's content, with the private link and, for a seat, the calendar invitation. Only a
 * mail that gives a seat carries the online link, in its body and in its invite.
 */
export async function renderStatusMail(p: StatusMailArgs, meeting: StatusMailMeeting, person: Person) {
  const language = asLanguage(p.language);
  const t = tFor(language);
  const place = [meeting.venue, meeting.room, meeting.city].filter(Boolean).join(", ");
  const url = manageUrl(privateLinkToken(person.id));
  const withInvite = p.kind === "confirmed" || (p.kind === "promoted" && !p.awaitingApproval);
  const online = withInvite ? inviteOnline(meeting) : undefined;
  const message = t(`mail:status.message.${p.kind}`);
  const blocks: MailBlock[] = [
    { kind: "text", text: t("mail:dear", { name: person.name }) },
    { kind: "text", text: message },
  ];
  if (p.kind === "promoted" && p.awaitingApproval) {
    blocks.push({ kind: "text", text: t("mail:status.awaitingApproval") });
  }
  if (p.reason) blocks.push({ kind: "text", text: p.reason === "quotaUsed" ? t("mail:status.quotaUsed") : p.reason });
  blocks.push({
    kind: "table",
    rows: [
      [t("mail:label.meeting"), meeting.title],
      [t("mail:label.when"), formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, language)],
      [t("mail:label.where"), online?.onlineOnly ? t("mail:label.online") : place || t("mail:label.toBeAnnounced")],
    ],
  });
  if (online) blocks.push({ kind: "url", label: t("mail:label.joinOnline"), url: online.link });
  blocks.push({ kind: "button", text: t("mail:status.manage"), url });
  blocks.push({ kind: "url", label: t("mail:status.privateLink"), url });
  const mail = await renderMail({ language, subject: subjectOf(p.kind, meeting.title, language), preview: message, heading: meeting.title, blocks });
  const attendee = { name: person.name, email: person.email, inviteWithdrawals: p.inviteWithdrawals };
  const ics = withInvite
    ? { content: meetingInvite(meeting, attendee, "REQUEST", { online, language }), method: "REQUEST" as const }
    : p.withdrawInvite
      ? { content: meetingInvite(meeting, attendee, "CANCEL", { ownWithdrawal: true, language }), method: "CANCEL" as const }
      : undefined;
  return { ...mail, ics };
}

/** Sends the private link again. */
export async function queueLinkMail(tx: Tx, p: { meeting: IcsMeeting; person: Person & { language: string }; token: string; key: string }) {
  const language = asLanguage(p.person.language);
  const t = tFor(language);
  const mail = await renderMail({
    language,
    subject: t("mail:link.subject", { title: p.meeting.title }),
    heading: p.meeting.title,
    blocks: [
      { kind: "text", text: t("mail:dear", { name: p.person.name }) },
      { kind: "text", text: t("mail:link.asked") },
      { kind: "table", rows: [[t("mail:label.when"), formatRange(p.meeting.startsAt, p.meeting.endsAt, p.meeting.timeZone, language)]] },
      { kind: "button", text: t("mail:status.manage"), url: manageUrl(p.token) },
      { kind: "url", label: t("mail:link.label"), url: manageUrl(p.token) },
    ],
  });
  await enqueueMail(tx, {
    ...mail,
    kind: "registration-link",
    to: { email: p.person.email, name: p.person.name },
    idempotencyKey: `registration:${p.person.id}:link:${p.key}`,
    essential: true,
    meetingId: p.meeting.id,
    registrationId: p.person.id,
  });
}

export async function queueInvitationMail(tx: Tx, p: { meeting: IcsMeeting; email: string; url: string; invitationId: string; agencyName?: string | null }) {
  // Nobody has registered yet: the language the invited address chose for its account, if it has one.
  const language = await languageOfAddress(tx, p.email);
  const t = tFor(language);
  const mail = await renderMail({
    language,
    subject: t("mail:invitation.subject", { title: p.meeting.title }),
    heading: p.meeting.title,
    blocks: [
      { kind: "text", text: p.agencyName ? t("mail:invitation.agency", { agency: p.agencyName }) : t("mail:invitation.you") },
      {
        kind: "table",
        rows: [
          [t("mail:label.when"), formatRange(p.meeting.startsAt, p.meeting.endsAt, p.meeting.timeZone, language)],
          [t("mail:label.where"), [p.meeting.venue, p.meeting.city].filter(Boolean).join(", ")],
        ],
      },
      { kind: "button", text: t("mail:invitation.register"), url: p.url },
      { kind: "url", label: t("mail:invitation.label"), url: p.url },
    ],
  });
  await enqueueMail(tx, {
    ...mail,
    kind: "registration-invitation",
    to: { email: p.email },
    idempotencyKey: `invitation:${p.invitationId}`,
    essential: true,
    meetingId: p.meeting.id,
  });
}
