import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import type { Actor } from "~/domain/auth/roles";
import { createAgency, createMeeting, createUser, formRequest, requestAs } from "~/test/factories";
import { action as editAction } from "~/routes/admin.series.$id";
import { loader as calendarLoader } from "~/routes/series.$slug.calendar[.ics]";
import { deleteSeries, saveSeries } from "./series.server";

async function organiser(): Promise<Actor> {
  const u = await createUser("ORGANISER");
  return { ...u, role: "ORGANISER" };
}

describe("series", () => {
  it("saves members, refuses a taken web address and keeps series with meetings", async () => {
    const actor = await organiser();
    const [a, b] = [await createAgency(), await createAgency()];
    const name = `Calais Group ${Date.now()}`;
    const saved = await saveSeries(actor, null, { name, memberIds: [a.id, b.id] });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(await db.seriesMember.count({ where: { seriesId: saved.id } })).toBe(2);
    expect(await saveSeries(actor, null, { name: "Other", slug: saved.slug })).toEqual({ ok: false, fieldErrors: { slug: ["admin:series.error.slugTaken"] } });
    expect(await saveSeries(actor, null, { name: "Bad members", memberIds: ["nope"] })).toMatchObject({ ok: false, fieldErrors: { memberIds: ["admin:series.error.members"] } });

    const meeting = await createMeeting({ seriesId: saved.id });
    const draft = await createMeeting({ seriesId: saved.id, status: "DRAFT" });
    const ics = (await calendarLoader({ request: await requestAs(null, `/series/${saved.slug}/calendar.ics`), params: { slug: saved.slug }, context: {} })) as Response;
    const body = await ics.text();
    expect(body).toContain(`UID:meeting-${meeting.id}@`);
    expect(body).not.toContain(draft.id);
    expect(body).toContain("BEGIN:VTIMEZONE");
    // The refusal names the series and counts its meetings, in the reader's language.
    expect(await deleteSeries(actor, saved.id)).toEqual({ ok: false, formErrors: [`${name} has 2 meetings; move or delete them first.`] });
    expect(await deleteSeries(actor, saved.id, "fr")).toEqual({ ok: false, formErrors: [`${name} comporte 2 réunions ; déplacez-les ou supprimez-les d’abord.`] });
  });

  it("refuses a participant (403) on the series edit action", async () => {
    const series = await db.series.create({ data: { slug: `s-${Date.now()}`, name: `S ${Date.now()}` } });
    const participant = await createUser("PARTICIPANT");
    const request = await requestAs(participant.id, `/admin/series/${series.id}`, formRequest({ intent: "delete" }));
    await expect(editAction({ request, params: { id: series.id }, context: {} })).rejects.toMatchObject({ status: 403 });
    expect(await db.series.count({ where: { id: series.id } })).toBe(1);
  });
});
