import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createAgency, createMeeting, createUser } from "~/test/factories";
import { registerPerson } from "~/test/factories.registration";
import type { Actor } from "~/domain/auth/roles";
import { transitionMeeting, updateMeeting } from "./meetings.server";
import { meetingSchema } from "./meeting.schema";

// Where meetings and registration meet: seats freed by an edit, invitations withdrawn by a cancellation.

async function organiser(): Promise<Actor> {
  const u = await createUser("ORGANISER");
  return { ...u, role: "ORGANISER" };
}

function inputFor(meeting: { title: string; slug: string }, capacity: number) {
  return meetingSchema.parse({
    title: meeting.title,
    slug: meeting.slug,
    timeZone: "Europe/Brussels",
    startsAt: "2030-06-04T09:00",
    endsAt: "2030-06-04T17:00",
    format: "IN_PERSON",
    languages: "en",
    visibility: "PUBLIC",
    approvalMode: "AUTOMATIC",
    capacity,
  });
}

describe("meeting edits and seats", () => {
  it("promotes the waiting list in order when the capacity is raised", async () => {
    const actor = await organiser();
    const agency = await createAgency();
    const meeting = await createMeeting({ capacity: 2, startsAt: new Date("2030-06-04T07:00:00Z"), endsAt: new Date("2030-06-04T15:00:00Z") });
    for (let i = 0; i < 5; i++) await registerPerson(meeting.id, agency.id);
    expect(await db.registration.count({ where: { meetingId: meeting.id, status: "WAITLISTED" } })).toBe(3);

    expect((await updateMeeting(actor, meeting.id, inputFor(meeting, 4))).ok).toBe(true);

    const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { waitlistRank: "asc" } });
    const byStatus = (s: string) => rows.filter((r) => r.status === s);
    expect(byStatus("CONFIRMED")).toHaveLength(4);
    expect(byStatus("WAITLISTED")).toHaveLength(1);
    // The first two on the waiting list moved up, the last one still waits.
    expect(byStatus("WAITLISTED")[0].waitlistRank).toBe(Math.max(...rows.map((r) => r.waitlistRank ?? 0)));
    const promotedMails = await db.outboxMessage.count({ where: { meetingId: meeting.id, kind: { contains: "promoted" } } });
    expect(promotedMails).toBe(2);
  });

  it("does not touch the waiting list when the capacity is lowered", async () => {
    const actor = await organiser();
    const agency = await createAgency();
    const meeting = await createMeeting({ capacity: 1, startsAt: new Date("2030-06-04T07:00:00Z"), endsAt: new Date("2030-06-04T15:00:00Z") });
    await registerPerson(meeting.id, agency.id);
    await registerPerson(meeting.id, agency.id);
    await updateMeeting(actor, meeting.id, inputFor(meeting, 1));
    expect(await db.registration.count({ where: { meetingId: meeting.id, status: "WAITLISTED" } })).toBe(1);
  });

  it("withdraws calendar invitations with METHOD:CANCEL when a published meeting is cancelled", async () => {
    const actor = await organiser();
    const agency = await createAgency();
    const meeting = await createMeeting({ capacity: 5 });
    await registerPerson(meeting.id, agency.id);
    expect(await transitionMeeting(actor, meeting.id, "CANCELLED")).toEqual({ ok: true });
    const update = await db.outboxMessage.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "meeting-updated" } });
    expect(update.icsMethod).toBe("CANCEL");
    expect(update.icsContent).toContain("METHOD:CANCEL");
    expect(update.icsContent).toContain("STATUS:CANCELLED");
  });
});
