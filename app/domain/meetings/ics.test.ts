import { describe, expect, it } from "vitest";
import { meetingCalendar, meetingInvite } from "./ics.server";

/** RFC 5545 folds long lines; unfold before matching. */
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

const meeting = {
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
});
