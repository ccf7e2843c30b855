import { key } from "~/i18n/translate";
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import nodeIcal, { type VEvent } from "node-ical";
import { timeZoneOptions } from "~/utils/dates";
import { db, transaction } from "~/utils/db.server";
import { createAgency, createMeeting, requestAs, routeArgs } from "~/test/factories";
import { loader as seriesCalendarLoader } from "~/routes/series.$slug.calendar[.ics]";
import { registerPerson } from "~/test/factories.registration";
import { cancelRegistration } from "~/domain/registration/registration.server";
import { renderStatusMail } from "~/domain/registration/mail.server";
import { renderPending } from "~/domain/mail/pending.server";
import { queueMeetingUpdate } from "~/domain/mail/meeting-updates.server";
import { meetingCalendarData } from "./meetings.server";
import { inviteOnline, meetingCalendar, meetingInvite, seriesCalendar, type IcsMeeting } from "./ics.server";

/** RFC 5545 folds long lines; unfold before matching. */
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

const meeting: IcsMeeting = {
  id: "m1",
  slug: "brussels",
  title: "Combating Irregular Migration in the EU",
  description: "One-day expert meeting",
  venue: "Résidence Palace",
  room: "Room 3",
  city: "Brussels",
  timeZone: "Europe/Brussels",
  startsAt: new Date("2026-06-04T07:00:00Z"),
  endsAt: new Date("2026-06-04T15:30:00Z"),
  status: "PUBLISHED",
  icsSequence: 3,
  organiserName: "Secretariat",
  organiserEmail: "secretariat@example.org",
  updatedAt: new Date("2026-05-01T10:00:00Z"),
};

/** Every TZID a file uses, and how many VTIMEZONE blocks define each. */
function zoneUse(ics: string) {
  const text = unfold(ics);
  const used = new Set([...text.matchAll(/;TZID=([^:;\r\n]+)[:;]/g)].map((m) => m[1]));
  const defined = new Map<string, number>();
  for (const m of text.matchAll(/BEGIN:VTIMEZONE\r\nTZID:([^\r\n]+)\r\n/g)) defined.set(m[1], (defined.get(m[1]) ?? 0) + 1);
  return { used, defined };
}

/** Each TZID the file uses has exactly one VTIMEZONE of that very name, and no block is unused. */
function expectZonesDefined(ics: string) {
  const { used, defined } = zoneUse(ics);
  expect([...defined.keys()].sort()).toEqual([...used].sort());
  for (const [zone, count] of defined) expect({ zone, count }).toEqual({ zone, count: 1 });
}

/** UTC instants of each event (by UID) as ical.js reads them from the file's own VTIMEZONEs. */
function icalJsInstants(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString() };
  });
}

function nodeIcalInstants(ics: string) {
  return Object.values(nodeIcal.sync.parseICS(ics))
    .filter((c) => c?.type === "VEVENT")
    .map((e) => {
      const ev = e as VEvent;
      return { uid: ev.uid, start: new Date(ev.start).toISOString(), end: ev.end ? new Date(ev.end).toISOString() : null };
    });
}

const zones = timeZoneOptions();
// A summer and a winter meeting, so both offsets of a zone with daylight saving time are read.
const SEASONS = [
  { startsAt: new Date("2026-07-02T07:30:00Z"), endsAt: new Date("2026-07-02T15:45:00Z") },
  { startsAt: new Date("2027-01-14T08:00:00Z"), endsAt: new Date("2027-01-15T16:15:00Z") },
];

describe("iCalendar", () => {
  it("carries the meeting zone with a VTIMEZONE and local times", () => {
    const ics = meetingCalendar(meeting);
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels");
    expect(ics).toContain("DTSTART;TZID=Europe/Brussels:20260604T090000");
    expect(ics).toContain("DTEND;TZID=Europe/Brussels:20260604T173000");
    expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(ics).toContain("UID:meeting-m1@convene.test");
    expect(ics).toContain("SEQUENCE:3");
  });

  it("builds invites and cancellations for one attendee", () => {
    const invite = unfold(meetingInvite(meeting, { name: "Anna Test", email: "anna@example.org" }, "REQUEST"));
    expect(invite).toContain("METHOD:REQUEST");
    expect(invite).toMatch(/ATTENDEE;[^\r]*:mailto:anna@example.org/i);
    expect(invite).toContain("ORGANIZER;CN=\"Secretariat\":mailto:secretariat@example.org");
    const cancel = unfold(meetingInvite(meeting, { name: "Anna Test", email: "anna@example.org" }, "CANCEL"));
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).toContain("STATUS:CANCELLED");
  });

  it(`defines the zone and gives the stored instants for every zone the meeting form offers (${zones.length})`, () => {
    expect(zones.length).toBeGreaterThan(400);
    expect(zones).toContain("Europe/Amsterdam");
    const wrong: string[] = [];
    for (const timeZone of zones) {
      for (const [i, season] of SEASONS.entries()) {
        const m = { ...meeting, id: `z${i}`, timeZone, ...season };
        const want = [{ uid: "meeting-z" + i + "@convene.test", start: season.startsAt.toISOString(), end: season.endsAt.toISOString() }];
        for (const ics of [meetingCalendar(m), meetingInvite(m, { name: "Anna Test", email: "anna@example.org" }, "REQUEST")]) {
          const { used, defined } = zoneUse(ics);
          if (used.size !== 1 || !used.has(timeZone) || defined.size !== 1 || defined.get(timeZone) !== 1) wrong.push(`${timeZone}: TZID ${[...used]} VTIMEZONE ${[...defined.keys()]}`);
          const byIcalJs = icalJsInstants(ics);
          if (JSON.stringify(byIcalJs) !== JSON.stringify(want)) wrong.push(`${timeZone} ical.js: ${JSON.stringify(byIcalJs)}`);
          const byNodeIcal = nodeIcalInstants(ics);
          if (JSON.stringify(byNodeIcal) !== JSON.stringify(want)) wrong.push(`${timeZone} node-ical: ${JSON.stringify(byNodeIcal)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives a series feed one VTIMEZONE per zone, also for zones that alias each other", () => {
    const feed = seriesCalendar("Calais Group", [
      { ...meeting, id: "a", timeZone: "Europe/Brussels" },
      { ...meeting, id: "b", timeZone: "Europe/Amsterdam", startsAt: new Date("2026-11-05T08:00:00Z"), endsAt: new Date("2026-11-05T16:00:00Z") },
      { ...meeting, id: "c", timeZone: "Europe/Amsterdam", startsAt: new Date("2027-03-04T08:00:00Z"), endsAt: new Date("2027-03-04T16:00:00Z") },
      { ...meeting, id: "d", timeZone: "Europe/Kyiv" },
      { ...meeting, id: "e", timeZone: "Europe/Kiev" },
    ]);
    expectZonesDefined(feed);
    expect([...zoneUse(feed).defined.keys()].sort()).toEqual(["Europe/Amsterdam", "Europe/Brussels", "Europe/Kiev", "Europe/Kyiv"]);
    const want = [
      { uid: "meeting-a@convene.test", start: "2026-06-04T07:00:00.000Z", end: "2026-06-04T15:30:00.000Z" },
      { uid: "meeting-b@convene.test", start: "2026-11-05T08:00:00.000Z", end: "2026-11-05T16:00:00.000Z" },
      { uid: "meeting-c@convene.test", start: "2027-03-04T08:00:00.000Z", end: "2027-03-04T16:00:00.000Z" },
      { uid: "meeting-d@convene.test", start: "2026-06-04T07:00:00.000Z", end: "2026-06-04T15:30:00.000Z" },
      { uid: "meeting-e@convene.test", start: "2026-06-04T07:00:00.000Z", end: "2026-06-04T15:30:00.000Z" },
    ];
    expect(icalJsInstants(feed)).toEqual(want);
    expect(nodeIcalInstants(feed).sort((x, y) => x.uid.localeCompare(y.uid))).toEqual(want);
  });

  it("gives the series feed each meeting's title and description in the reader's language, else the original", async () => {
    const n = Math.random().toString(36).slice(2, 8);
    const series = await db.series.create({ data: { slug: `calais-${n}`, name: "Calais Group" } });
    const translated = await createMeeting({ title: "Calais Group, spring session", seriesId: series.id });
    await db.meeting.update({ where: { id: translated.id }, data: { description: "Two days of work." } });
    await db.meetingTranslation.create({
      data: { meetingId: translated.id, language: "fr", title: "Groupe de Calais, session de printemps", description: "Deux jours de travail." },
    });
    await createMeeting({ title: "Calais Group, autumn session", seriesId: series.id, startsAt: new Date("2030-11-05T08:00:00Z") });
    const feed = async (acceptLanguage: string) => {
      const request = await requestAs(null, `/series/${series.slug}/calendar.ics`, { headers: { "Accept-Language": acceptLanguage } });
      const ics = await ((await seriesCalendarLoader(routeArgs(request, { slug: series.slug }))) as Response).text();
      const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      return { ics, events: events.map((e) => ({ summary: e.summary, description: e.description })) };
    };
    const french = await feed("fr-FR,fr;q=0.9");
    expectZonesDefined(french.ics);
    expect(french.events[0]).toMatchObject({ summary: "Groupe de Calais, session de printemps" });
    expect(french.events[0].description).toContain("Deux jours de travail.");
    // No French version: the English original.
    expect(french.events[1]).toMatchObject({ summary: "Calais Group, autumn session" });
    const english = await feed("en-GB");
    expect(english.events.map((e) => e.summary)).toEqual(["Calais Group, spring session", "Calais Group, autumn session"]);
    expect(english.events[0].description).toContain("Two days of work.");
  });

  it("ends every line, END:VCALENDAR included, with CRLF", () => {
    const files = [meetingCalendar(meeting), seriesCalendar("Calais Group", [meeting]), meetingInvite(meeting, { name: "Anna Test", email: "anna@example.org" }, "CANCEL")];
    for (const ics of files) {
      expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    }
  });

  it("escapes the calendar name (NAME, X-WR-CALNAME) like any text value", () => {
    const title = "Calais Group, spring; back\\slash\nsecond line";
    for (const ics of [meetingCalendar({ ...meeting, title }), seriesCalendar(title, [meeting])]) {
      const text = unfold(ics);
      expect(text).toContain("\r\nNAME:Calais Group\\, spring\\; back\\\\slash\\nsecond line\r\n");
      expect(text).toContain("\r\nX-WR-CALNAME:Calais Group\\, spring\\; back\\\\slash\\nsecond line\r\n");
      // ical.js keeps unknown properties raw, so only node-ical reads the name back.
      expect(Object.values(nodeIcal.sync.parseICS(ics)).find((c) => c?.type === "VCALENDAR")).toMatchObject({ "WR-CALNAME": title });
    }
  });

  it("puts the online link in a confirmed participant's invite only, never in the public files", async () => {
    const link = "https://meet.example.org/j/8461?pwd=private";
    const anna = { name: "Anna Test", email: "anna@example.org" };
    const eventOf = (ics: string) => new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);

    // hybrid: the place stays the LOCATION, the link goes in the DESCRIPTION
    const hybrid = eventOf(meetingInvite(meeting, anna, "REQUEST", { online: inviteOnline({ format: "HYBRID", onlineLink: link }) }));
    expect(hybrid.location).toBe("Résidence Palace, Room 3, Brussels");
    expect(hybrid.description).toContain(`Join online: ${link}`);
    // online only: the link is the LOCATION too
    const online = eventOf(meetingInvite(meeting, anna, "REQUEST", { online: inviteOnline({ format: "ONLINE", onlineLink: link }) }));
    expect(online.location).toBe(link);
    expect(online.description).toContain(`Join online: ${link}`);
    // an in-person meeting has no link to give, and a withdrawal never carries one
    expect(inviteOnline({ format: "IN_PERSON", onlineLink: link })).toBeUndefined();
    expect(meetingInvite(meeting, anna, "CANCEL", { online: inviteOnline({ format: "ONLINE", onlineLink: link }) })).not.toContain("meet.example.org");

    // the public files of a hybrid meeting, as /meetings/:slug/calendar.ics and the series feed serve them
    const stored = await createMeeting();
    await db.meeting.update({ where: { id: stored.id }, data: { format: "HYBRID", onlineLink: link } });
    const publicData = await meetingCalendarData(stored.slug, null);
    for (const ics of [meetingCalendar(publicData!), seriesCalendar("Calais Group", [publicData!])]) {
      expect(unfold(ics)).not.toContain("meet.example.org");
    }
  });

  it("raises SEQUENCE for a participant's own cancellation, so a later invite to them supersedes it", async () => {
    const meeting = await createMeeting({ capacity: 10 });
    const agency = await createAgency();
    const reg = await registerPerson(meeting.id, agency.id);
    expect(reg.status).toBe("CONFIRMED");
    await cancelRegistration(reg.id, null, key("registrations:reason.cancelledByParticipant"));
    const outbox = await db.outboxMessage.findMany({ where: { registrationId: reg.id }, orderBy: { createdAt: "asc" } });
    await renderPending(outbox.map((o) => o.id));
    const rendered = await db.outboxMessage.findMany({ where: { registrationId: reg.id, icsContent: { not: null } }, select: { icsMethod: true, icsContent: true } });
    const sequenceOf = (ics: string) => new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!).sequence;
    const request = rendered.find((m) => m.icsMethod === "REQUEST")!.icsContent!;
    const cancel = rendered.find((m) => m.icsMethod === "CANCEL")!.icsContent!;
    expect(sequenceOf(cancel)).toBeGreaterThan(sequenceOf(request));

    // A later invite to the same person (re-registered, or their seat given back) goes above the CANCEL.
    const row = await db.registration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(row.inviteWithdrawals).toBe(1);
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    const again = await renderStatusMail({ kind: "confirmed", inviteWithdrawals: row.inviteWithdrawals }, m, { id: row.id, name: row.name, email: row.email });
    expect(sequenceOf(again.ics!.content)).toBeGreaterThan(sequenceOf(cancel));
    await db.registration.update({ where: { id: reg.id }, data: { status: "CONFIRMED" } });
    await transaction((tx) => queueMeetingUpdate(tx, { meetingId: meeting.id, summary: () => "The room has changed." }));
    const update = await db.outboxMessage.findFirstOrThrow({ where: { registrationId: reg.id, kind: "meeting-updated" } });
    expect(sequenceOf(update.icsContent!)).toBeGreaterThan(sequenceOf(cancel));
  });
});
