import ical, { ICalCalendarMethod, ICalEventStatus, ICalAttendeeRole, ICalAttendeeStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { TZDate } from "@date-fns/tz";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { env } from "~/utils/env.server";

// iCalendar (RFC 5545) for meetings: public exports and the invites in confirmation mail.
// ical-generator writes the calendar; timezones-ical-library supplies the VTIMEZONE block, so
// every DTSTART carries TZID=<meeting zone>. See docs/decisions/004-libraries.md.
// The words Convene adds (the online link's and the page's labels) are in the reader's language: the
// recipient's for an invite (docs/decisions/081-mail-language.md), the page's for a download.

export type IcsMeeting = {
  id: string;
  slug: string;
  title: string;
  description: string;
  venue: string;
  room: string;
  city: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  icsSequence: number;
  organiserName: string;
  organiserEmail: string;
  updatedAt: Date;
};

export type IcsAttendee = {
  name: string;
  email: string;
  /** Registration.inviteWithdrawals: how often this person's own invitation was withdrawn */
  inviteWithdrawals?: number;
};

/**
 * The SEQUENCE of one person's invite. Their calendar knows one event per meeting (one UID) and
 * ignores a message whose SEQUENCE is not above the last one, so it must rise with every message to
 * them: `meeting.icsSequence` rises with changes to the meeting, and each withdrawal of the person's
 * own invitation adds 2: its CANCEL (`ownWithdrawal`, counted already) gets the odd step above their
 * last REQUEST, and a later REQUEST (a re-registration) the even step above that CANCEL.
 */
export function inviteSequence(meetingSequence: number, inviteWithdrawals = 0, ownWithdrawal = false): number {
  return meetingSequence + 2 * inviteWithdrawals - (ownWithdrawal && inviteWithdrawals > 0 ? 1 : 0);
}

/**
 * The online link of a hybrid or online meeting, for invites to confirmed participants only: public
 * files never carry it. An online-only meeting's LOCATION is the link; a hybrid meeting keeps its
 * place as LOCATION and has the link in DESCRIPTION (docs/decisions/072-reply-to-and-online-link.md).
 */
export type IcsOnline = { link: string; onlineOnly: boolean };

/** The invite option for a meeting, or undefined for an in-person meeting or one without a link. */
export function inviteOnline(m: { format: string; onlineLink: string | null }): IcsOnline | undefined {
  if (m.format === "IN_PERSON" || !m.onlineLink) return undefined;
  return { link: m.onlineLink, onlineOnly: m.format === "ONLINE" };
}

const prodId = (language: Language) => ({ company: "Convene", product: "Convene meetings", language: language.toUpperCase() });

/**
 * The VTIMEZONE for `zone`, under that very name. timezones-ical-library answers a link or alias
 * (Europe/Amsterdam, Europe/Kyiv, Asia/Kuwait...) with its canonical zone's block (TZID:Europe/Brussels),
 * which leaves the events' TZID=Europe/Amsterdam undefined (ical.js then reads the times as floating)
 * and puts two blocks of one TZID into a series feed. The rules are the same, so rename the block.
 */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  if (!Array.isArray(block) || !block[0]) return null;
  return block[0]
    .replace(/^TZID:.*$/m, `TZID:${zone}`)
    .replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}

/** Stable across exports and invites, so calendars update the event instead of adding a copy. */
export function meetingUid(meeting: { id: string }): string {
  const host = new URL(env().APP_URL).hostname || "convene.local";
  return `meeting-${meeting.id}@${host}`;
}

function location(m: IcsMeeting): string {
  return [m.venue, m.room, m.city].filter(Boolean).join(", ");
}

function addEvent(
  cal: ReturnType<typeof ical>,
  m: IcsMeeting,
  language: Language,
  opts: { attendee?: IcsAttendee; cancelled?: boolean; ownWithdrawal?: boolean; online?: IcsOnline } = {},
) {
  const t = tFor(language);
  const url = `${env().APP_URL}/meetings/${m.slug}`;
  const description = [m.description, opts.online ? t("mail:calendar.joinOnline", { link: opts.online.link }) : "", t("mail:calendar.page", { url })]
    .filter(Boolean)
    .join("\n\n");
  const organiserEmail = m.organiserEmail || `no-reply@${new URL(env().APP_URL).hostname || "convene.local"}`;
  cal.createEvent({
    id: meetingUid(m),
    sequence: opts.attendee ? inviteSequence(m.icsSequence, opts.attendee.inviteWithdrawals, opts.ownWithdrawal) : m.icsSequence,
    start: new TZDate(m.startsAt.getTime(), m.timeZone),
    end: new TZDate(m.endsAt.getTime(), m.timeZone),
    timezone: m.timeZone,
    stamp: m.updatedAt,
    summary: m.title,
    description,
    location: (opts.online?.onlineOnly ? opts.online.link : location(m)) || null,
    url,
    status: opts.cancelled || m.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: m.organiserName || "Convene", email: organiserEmail },
    attendees: opts.attendee
      ? [
          {
            name: opts.attendee.name,
            email: opts.attendee.email,
            role: ICalAttendeeRole.REQ,
            status: opts.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
            rsvp: false,
          },
        ]
      : [],
  });
}

/** RFC 5545 TEXT escaping (3.3.11), for the values ical-generator writes as given (NAME, X-WR-CALNAME). */
function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n|\r/g, "\\n");
}

function newCalendar(name: string, method: ICalCalendarMethod, language: Language) {
  // No calendar-wide zone: with one, ical-generator writes DTSTAMP as local time instead of UTC.
  // Each event names its zone and the generator adds the matching VTIMEZONE.
  return ical({ prodId: prodId(language), name: escapeText(name), method, timezone: { name: null, generator: vtimezone } });
}

/** The file: every content line, END:VCALENDAR included, ends with CRLF (RFC 5545 3.1). */
function render(cal: ReturnType<typeof ical>): string {
  const text = cal.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

/** Public export of one meeting (METHOD:PUBLISH), in the reader's language. */
export function meetingCalendar(m: IcsMeeting, language: Language = "en"): string {
  const cal = newCalendar(m.title, ICalCalendarMethod.PUBLISH, language);
  addEvent(cal, m, language);
  return render(cal);
}

/** Public export of a series: one event per meeting, each with its own zone. */
export function seriesCalendar(name: string, meetings: IcsMeeting[], language: Language = "en"): string {
  const cal = newCalendar(name, ICalCalendarMethod.PUBLISH, language);
  for (const m of meetings) addEvent(cal, m, language);
  return render(cal);
}

/**
 * Invite for a confirmed participant (REQUEST) or its withdrawal (CANCEL): `ownWithdrawal` when the
 * person's own seat is withdrawn (cancelled or declined), not the meeting. `online` (inviteOnline)
 * puts the private online link in a REQUEST.
 */
export function meetingInvite(
  m: IcsMeeting,
  attendee: IcsAttendee,
  method: "REQUEST" | "CANCEL",
  opts: { ownWithdrawal?: boolean; online?: IcsOnline; language?: Language } = {},
): string {
  const language = opts.language ?? "en";
  const cal = newCalendar(m.title, method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL, language);
  addEvent(cal, m, language, {
    attendee,
    cancelled: method === "CANCEL",
    ownWithdrawal: method === "CANCEL" && opts.ownWithdrawal,
    online: method === "REQUEST" ? opts.online : undefined,
  });
  return render(cal);
}

export function icsResponse(filename: string, body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
