import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import type { Actor } from "~/domain/auth/roles";
import { createMeeting, createUser, requestAs } from "~/test/factories";
import { loader as publicLoader } from "~/routes/meetings.$slug._index";
import { publishAgenda, saveAgendaItem } from "./agenda.server";

async function organiser(): Promise<Actor> {
  const u = await createUser("ORGANISER");
  return { ...u, role: "ORGANISER" };
}

const pageFor = async (userId: string | null, slug: string) =>
  (await publicLoader({ request: await requestAs(userId, `/meetings/${slug}`), params: { slug }, context: {} })) as unknown as {
    agenda: { title: string }[];
    onlineLink: string | null;
  };

describe("agenda publication", () => {
  it("hides a draft agenda from the public, logs changes and announces republished changes", async () => {
    const actor = await organiser();
    const meeting = await createMeeting({ status: "PUBLISHED" });
    await db.registration.create({
      data: { meetingId: meeting.id, name: "Jānis Ozols", email: "janis@example.org", emailNormalised: "janis@example.org", status: "CONFIRMED", manageTokenHash: `a-${meeting.id}` },
    });
    // 2030-06-04 09:00–10:00 Brussels = 07:00–08:00 UTC
    expect(await saveAgendaItem(actor, meeting.id, { kind: "PLENARY", title: "Opening", startsAt: "2030-06-04T09:00", endsAt: "2030-06-04T10:00" })).toEqual({ ok: true });
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(item.startsAt.toISOString()).toBe("2030-06-04T07:00:00.000Z");
    expect((await pageFor(null, meeting.slug)).agenda).toEqual([]);

    expect(await publishAgenda(actor, meeting.id)).toEqual({ announced: false });
    expect((await pageFor(null, meeting.slug)).agenda.map((i) => i.title)).toEqual(["Opening"]);
    expect(await db.outboxMessage.count({ where: { meetingId: meeting.id } })).toBe(0);

    await new Promise((r) => setTimeout(r, 5));
    await saveAgendaItem(actor, meeting.id, { itemId: item.id, kind: "PLENARY", title: "Opening and welcome", startsAt: "2030-06-04T09:00", endsAt: "2030-06-04T10:00" });
    expect(await publishAgenda(actor, meeting.id)).toEqual({ announced: true });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).icsSequence).toBe(1);
    expect(await db.outboxMessage.count({ where: { meetingId: meeting.id, kind: "meeting-updated" } })).toBe(1);
    const log = await db.auditLog.findMany({ where: { meetingId: meeting.id, entity: "AgendaItem" }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["create", "update"]);
    expect(log[1].after).toEqual({ title: "Opening and welcome" });
  });
});

describe("online link", () => {
  it("is shown only to a signed-in user with a confirmed registration", async () => {
    const meeting = await createMeeting();
    await db.meeting.update({ where: { id: meeting.id }, data: { format: "HYBRID", onlineLink: "https://meet.example.org/secret" } });
    const confirmed = await createUser("PARTICIPANT");
    const pending = await createUser("PARTICIPANT");
    for (const [u, status] of [[confirmed, "CONFIRMED"], [pending, "PENDING"]] as const) {
      await db.registration.create({
        data: { meetingId: meeting.id, userId: u.id, name: u.name, email: u.email, emailNormalised: u.email, status, manageTokenHash: `${u.id}-h` },
      });
    }
    expect((await pageFor(null, meeting.slug)).onlineLink).toBeNull();
    expect((await pageFor(pending.id, meeting.slug)).onlineLink).toBeNull();
    expect((await pageFor(confirmed.id, meeting.slug)).onlineLink).toBe("https://meet.example.org/secret");
  });
});
