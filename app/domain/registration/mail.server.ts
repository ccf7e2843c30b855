import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { formatRange } from "~/utils/dates";
import { signFor } from "~/utils/tokens.server";
import { enqueueMail, type NewMail } from "~/domain/mail/outbox.server";
import { renderMail, type MailBlock } from "~/domain/mail/render.server";
import { inviteOnline, meetingInvite, type IcsMeeting } from "~/domain/meetings/ics.server";

// Status mail for registrations. All essential (no unsubscribe): people must learn whether they
// have a seat. Each mail carries the private link and the meeting time in the meeting's zone.
// Status mails are queued unrendered (statusMail) and rendered by the worker (renderStatusMail).

export type StatusMailKind = "received" | "confirmed" | "waitlisted" | "promoted" | "declined" | "cancelled";

type Person = { id: string; name: string; email: string };

const SUBJECT: Record<StatusMailKind, (title: string) => string> = {
  received: (t) => `Registration received: ${t}`,
  confirmed: (t) => `Registration confirmed: ${t}`,
  waitlisted: (t) => `You are on the waiting list: ${t}`,
  promoted: (t) => `A seat is yours: ${t}`,
  declined: (t) => `Registration declined: ${t}`,
  cancelled: (t) => `Registration cancelled: ${t}`,
};

const MESSAGE: Record<StatusMailKind, string> = {
  received: "We received your registration. The organisers review every request; you will hear from us when it is approved.",
  confirmed: "Your registration is confirmed. The attached calendar invitation adds the meeting to your calendar.",
  waitlisted: "The meeting is full, so you are on the waiting list. If a seat frees up you move up automatically and we will email you.",
  promoted: "A seat has freed up and you have moved off the waiting list.",
  declined: "We are sorry: the organisers could not accept your registration for this meeting.",
  cancelled: "Your registration has been cancelled.",
};

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
  reason?: string;
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
  return {
    subject: SUBJECT[p.kind](p.meeting.title),
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
  const place = [meeting.venue, meeting.room, meeting.city].filter(Boolean).join(", ");
  const url = manageUrl(privateLinkToken(person.id));
  const withInvite = p.kind === "confirmed" || (p.kind === "promoted" && !p.awaitingApproval);
  const online = withInvite ? inviteOnline(meeting) : undefined;
  const blocks: MailBlock[] = [
    { kind: "text", text: `Dear ${person.name},` },
    { kind: "text", text: MESSAGE[p.kind] },
  ];
  if (p.kind === "promoted" && p.awaitingApproval) {
    blocks.push({ kind: "text", text: "The organisers still need to approve your registration; we will email you when they do." });
  }
  if (p.reason) blocks.push({ kind: "text", text: p.reason });
  blocks.push({
    kind: "table",
    rows: [
      ["Meeting", meeting.title],
      ["When", formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)],
      ["Where", online?.onlineOnly ? "Online" : place || "To be announced"],
    ],
  });
  if (online) blocks.push({ kind: "url", label: "Join online (this link is for registered participants only):", url: online.link });
  blocks.push({ kind: "button", text: "View or change your registration", url });
  blocks.push({ kind: "url", label: "Your private link (keep it to yourself; anyone with it can change your registration):", url });
  const mail = await renderMail({ subject: SUBJECT[p.kind](meeting.title), preview: MESSAGE[p.kind], heading: meeting.title, blocks });
  const attendee = { name: person.name, email: person.email, inviteWithdrawals: p.inviteWithdrawals };
  const ics = withInvite
    ? { content: meetingInvite(meeting, attendee, "REQUEST", { online }), method: "REQUEST" as const }
    : p.withdrawInvite
      ? { content: meetingInvite(meeting, attendee, "CANCEL", { ownWithdrawal: true }), method: "CANCEL" as const }
      : undefined;
  return { ...mail, ics };
}

/** Sends the private link again. */
export async function queueLinkMail(tx: Tx, p: { meeting: IcsMeeting; person: Person; token: string; key: string }) {
  const mail = await renderMail({
    subject: `Your registration link: ${p.meeting.title}`,
    heading: p.meeting.title,
    blocks: [
      { kind: "text", text: `Dear ${p.person.name},` },
      { kind: "text", text: "Here is the private link to your registration, as you asked." },
      { kind: "table", rows: [["When", formatRange(p.meeting.startsAt, p.meeting.endsAt, p.meeting.timeZone)]] },
      { kind: "button", text: "View or change your registration", url: manageUrl(p.token) },
      { kind: "url", label: "Your private link:", url: manageUrl(p.token) },
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
  const mail = await renderMail({
    subject: `Invitation: ${p.meeting.title}`,
    heading: p.meeting.title,
    blocks: [
      { kind: "text", text: p.agencyName ? `${p.agencyName} is invited to take part in this meeting.` : "You are invited to take part in this meeting." },
      { kind: "table", rows: [["When", formatRange(p.meeting.startsAt, p.meeting.endsAt, p.meeting.timeZone)], ["Where", [p.meeting.venue, p.meeting.city].filter(Boolean).join(", ")]] },
      { kind: "button", text: "Register", url: p.url },
      { kind: "url", label: "Registration link:", url: p.url },
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
