import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startSmtpServer, type TestSmtp } from "~/test/smtp";
import { createAgency, createMeeting, createUser } from "~/test/factories";
import { createMeetingWithParticipants } from "~/test/factories.mail";
import { meetingInvite } from "~/domain/meetings/ics.server";
import { createTransport } from "./transport.server";
import { drainOutbox } from "./worker.server";
import { isoWeek, parseReminderOffsets, queueDueReminders, queueOverdueReminders } from "./scheduler.server";
import { enqueueMail } from "./outbox.server";
import { renderMail } from "./render.server";
import { queueMeetingUpdate } from "./meeting-updates.server";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

async function deliver() {
  const transport = createTransport(smtp.url);
  await drainOutbox({ transport });
  transport.close();
}

describe("meeting reminders", () => {
  it("parses offsets and ignores nonsense", () => {
    expect(parseReminderOffsets("1d, 7d,2h,x,0d,3w")).toEqual([
      { offset: "7d", ms: 7 * 86_400_000 },
      { offset: "1d", ms: 86_400_000 },
      { offset: "2h", ms: 7_200_000 },
    ]);
  });

  it("queues one reminder per offset to confirmed participants, with the agenda in meeting time", async () => {
    const startsAt = new Date("2030-06-04T07:00:00Z");
    const meeting = await createMeetingWithParticipants(3, [], { startsAt, registrationStatus: (i) => (i === 2 ? "WAITLISTED" : "CONFIRMED") });
    await db.meeting.update({ where: { id: meeting.id }, data: { reminderOffsets: "7d,1d,2h" } });
    await db.agendaItem.create({ data: { meetingId: meeting.id, title: "Opening & welcome", startsAt, endsAt: new Date(startsAt.getTime() + 1800_000) } });

    expect(await queueDueReminders(new Date("2030-05-20T00:00:00Z"))).toBe(0);
    const weekBefore = new Date("2030-05-28T08:00:00Z");
    expect(await queueDueReminders(weekBefore)).toBe(2);
    expect(await queueDueReminders(weekBefore)).toBe(0);
    // the meeting published late: 1d and 2h are both due, one reminder goes out
    expect(await queueDueReminders(new Date("2030-06-04T06:00:00Z"))).toBe(2);
    expect((await db.reminderSent.findMany({ where: { meetingId: meeting.id } })).map((r) => r.offset).sort()).toEqual(["1d", "2h", "7d"]);
    // after the start nothing more
    expect(await queueDueReminders(new Date("2030-06-04T08:00:00Z"))).toBe(0);

    smtp.messages.length = 0;
    await deliver();
    expect(smtp.messages).toHaveLength(4);
    expect(smtp.messages[0].text).toContain("09:00–09:30 Opening & welcome");
    expect(smtp.messages[0].text).toContain("Europe/Brussels (UTC+02:00)");
    expect(smtp.messages.every((m) => m.headerLines.some((h) => h.key === "list-unsubscribe"))).toBe(true);
  });

  it("queues a reminder once when two schedulers run at the same moment", async () => {
    const startsAt = new Date("2032-02-02T09:00:00Z");
    const meeting = await createMeetingWithParticipants(3, [], { startsAt });
    const now = new Date("2032-02-01T10:00:00Z");
    const results = await Promise.all([queueDueReminders(now), queueDueReminders(now)]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await db.outboxMessage.count({ where: { meetingId: meeting.id, kind: "meeting-reminder" } })).toBe(3);
  });

  it("does not remind for a cancelled meeting", async () => {
    const meeting = await createMeetingWithParticipants(1, [], { status: "CANCELLED", startsAt: new Date("2031-01-10T09:00:00Z") });
    expect(await queueDueReminders(new Date("2031-01-09T12:00:00Z"))).toBe(0);
    expect(await db.reminderSent.count({ where: { meetingId: meeting.id } })).toBe(0);
  });
});

describe("overdue recommendation reminders", () => {
  it("reminds the lead agency's focal points at most once a week while open", async () => {
    const agency = await createAgency({ name: "Lead Agency" });
    const other = await createAgency();
    const fp = await createUser("FOCAL_POINT", { agencyId: agency.id });
    await createUser("FOCAL_POINT", { agencyId: other.id });
    await createUser("PARTICIPANT", { agencyId: agency.id });
    const meeting = await createMeeting();
    const rec = await db.recommendation.create({
      data: { code: `OD-${meeting.id.slice(-6)}`, title: "Share alerts", text: "x", meetingId: meeting.id, leadAgencyId: agency.id, status: "IN_PROGRESS", dueDate: new Date("2030-01-01T00:00:00Z") },
    });
    await db.recommendation.create({
      data: { code: `OK-${meeting.id.slice(-6)}`, title: "Done", text: "x", meetingId: meeting.id, leadAgencyId: agency.id, status: "IMPLEMENTED", dueDate: new Date("2030-01-01T00:00:00Z") },
    });
    const monday = new Date("2030-01-07T09:00:00Z");
    expect(await queueOverdueReminders(monday)).toBe(1);
    expect(await queueOverdueReminders(new Date("2030-01-12T09:00:00Z"))).toBe(0);
    expect(await queueOverdueReminders(new Date("2030-01-14T09:00:00Z"))).toBe(1);
    const mails = await db.outboxMessage.findMany({ where: { kind: "recommendation-overdue", toEmail: fp.email } });
    expect(mails).toHaveLength(2);
    expect(mails[0].text).toContain(rec.code);
    expect(isoWeek(new Date("2030-12-30T00:00:00Z"))).toBe("2031-W01");
  });
});

describe("calendar invites arrive as text/calendar parts", () => {
  it("REQUEST, an update with a higher SEQUENCE, and CANCEL", async () => {
    smtp.messages.length = 0;
    const meeting = await createMeetingWithParticipants(1, [], { title: "Invite test" });
    const reg = await db.registration.findFirstOrThrow({ where: { meetingId: meeting.id } });
    await db.agendaItem.create({
      data: { meetingId: meeting.id, title: "Coffee & registration", startsAt: meeting.startsAt, endsAt: new Date(meeting.startsAt.getTime() + 3600_000) },
    });
    const mail = await renderMail({ language: "en", subject: "Registration confirmed", heading: "Confirmed", blocks: [] });
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, {
        ...mail, kind: "registration-confirmed", to: { email: reg.email, name: reg.name }, idempotencyKey: `t:req:${reg.id}`, essential: true,
        ics: { method: "REQUEST", content: meetingInvite(meeting, { name: reg.name, email: reg.email }, "REQUEST") },
      });
    });
    await db.$transaction(async (tx) => {
      await tx.meeting.update({ where: { id: meeting.id }, data: { icsSequence: { increment: 1 } } });
      await queueMeetingUpdate(tx, { meetingId: meeting.id, summary: () => "The meeting now starts at 10:00." });
    });
    const updated = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, {
        ...mail, kind: "registration-cancelled", to: { email: reg.email, name: reg.name }, idempotencyKey: `t:cancel:${reg.id}`, essential: true,
        ics: { method: "CANCEL", content: meetingInvite(updated, { name: reg.name, email: reg.email }, "CANCEL") },
      });
    });
    await deliver();
    const received = smtp.messages.filter((m) => m.headerLines.some((h) => h.key === "to" && h.line.includes(reg.email)));
    expect(received).toHaveLength(3);
    const calendars = received.map((m) => {
      const part = m.attachments.find((a) => a.contentType === "text/calendar");
      expect(part, m.subject).toBeTruthy();
      // unfold RFC 5545 continuation lines before matching
      return { body: part!.content.toString("utf8").replace(/\r\n[ \t]/g, "") };
    });
    const seq = (body: string) => Number(/SEQUENCE:(\d+)/.exec(body)?.[1]);
    expect(calendars[0].body).toMatch(/METHOD:REQUEST/);
    expect(calendars[0].body).toMatch(/BEGIN:VTIMEZONE[\s\S]*TZID:Europe\/Brussels/);
    expect(calendars[0].body).toMatch(/ORGANIZER/);
    expect(calendars[0].body).toMatch(new RegExp(`ATTENDEE[^\\n]*${reg.email}`));
    expect(calendars[1].body).toMatch(/METHOD:REQUEST/);
    expect(seq(calendars[1].body)).toBeGreaterThan(seq(calendars[0].body));
    expect(calendars[2].body).toMatch(/METHOD:CANCEL/);
    expect(received[1].text).toContain("The meeting now starts at 10:00.");
    expect(received[1].text).toContain("09:00–10:00 Coffee & registration");
  });
});
