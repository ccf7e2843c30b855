import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { createMeeting, createUser, requestAs } from "~/test/factories";
import { createRecommendationRow, createTheme } from "~/test/factories.recommendations";
import { db } from "~/utils/db.server";
import { loader } from "~/routes/admin.audit";
import { listAuditEntries } from "~/domain/meetings/history.server";
import { tFor } from "~/i18n/i18n.server";
import { AUDIT_PAGE_SIZE, AUDITED_ENTITIES, audit } from "./audit.server";
import { CHANGE_LINE_CHARS, sentenceText } from "./describe";

// The audit log page filters by a fixed list of kinds of record (no scan of the log for its
// distinct values); an unknown kind shows everything.

describe("audit log page", () => {
  it("offers every audited kind of record and filters by one", async () => {
    const organiser = await createUser("ORGANISER");
    await db.$transaction(async (tx) => {
      await audit(tx, { userId: organiser.id, entity: "Series", entityId: "s-1", action: "create", after: { name: "A series" } });
      await audit(tx, { userId: organiser.id, entity: "Agency", entityId: "a-1", action: "create", after: { name: "An agency" } });
    });
    const load = async (query: string) => loader({ request: await requestAs(organiser.id, `/admin/audit${query}`), params: {}, context: {} });

    const all = await load("");
    expect(all.kinds.map((k) => k.value).sort()).toEqual([...AUDITED_ENTITIES].sort());
    expect(all.kinds.every((k) => !AUDITED_ENTITIES.includes(k.label as never))).toBe(true);
    expect(all.entity).toBeNull();
    const kindOf = async (ids: string[]) => (await db.auditLog.findMany({ where: { id: { in: ids } }, select: { entity: true } })).map((e) => e.entity);
    expect(await kindOf(all.entries.map((e) => e.id))).toEqual(expect.arrayContaining(["Series", "Agency"]));

    expect(all.entries.map((e) => sentenceText(e.sentence))).toContain(`${organiser.name} created the series A series`);

    const series = await load("?entity=Series");
    expect(series.entity).toBe("Series");
    expect(series.entries.length).toBeGreaterThan(0);
    expect(new Set(await kindOf(series.entries.map((e) => e.id)))).toEqual(new Set(["Series"]));

    const unknown = await load("?entity=Nonsense");
    expect(unknown.entity).toBeNull();
    expect(unknown.entries.length).toBe(all.entries.length);
  });

  it("counts every entry, unfiltered (a bare COUNT) and by kind, for its pages", async () => {
    const organiser = await createUser("ORGANISER");
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 60; i++) await audit(tx, { userId: organiser.id, entity: i % 3 ? "Series" : "Agency", entityId: `count-${i}`, action: "create", after: { name: `Entry ${i}` } });
    });
    const page = { skip: 0, take: 50 };
    const all = await listAuditEntries({ page }, tFor("en"), "en");
    expect(all.total).toBe(await db.auditLog.count());
    expect(all.rows).toHaveLength(50);
    expect((await listAuditEntries({ entity: "Agency", page }, tFor("en"), "en")).total).toBe(await db.auditLog.count({ where: { entity: "Agency" } }));
    const loaded = await loader({ request: await requestAs(organiser.id, "/admin/audit"), params: {}, context: {} });
    expect(loaded.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(loaded.pageCount).toBe(Math.ceil(all.total / AUDIT_PAGE_SIZE));
  });

  it("names meetings and themes in the reader's language where translated, else in the original's with its lang; recommendations by their code", async () => {
    const organiser = await createUser("ORGANISER");
    const n = crypto.randomUUID().slice(0, 6);
    const meeting = await createMeeting({ title: `Spring meeting ${n}` });
    await db.meetingTranslation.create({ data: { meetingId: meeting.id, language: "fr", title: `Réunion de printemps ${n}` } });
    const [translated, untranslated] = [await createTheme(`Border data ${n}`), await createTheme(`Training ${n}`)];
    await db.themeTranslation.create({ data: { themeId: translated.id, language: "fr", name: `Données frontalières ${n}` } });
    const rec = await createRecommendationRow({ meetingId: meeting.id });
    await db.$transaction(async (tx) => {
      for (const th of [translated, untranslated]) await audit(tx, { userId: organiser.id, entity: "Theme", entityId: th.id, action: "translations", after: { language: "fr", name: "x" } });
      await audit(tx, { userId: organiser.id, entity: "Recommendation", entityId: rec.id, meetingId: meeting.id, action: "create", after: { code: rec.code } });
      await audit(tx, { userId: organiser.id, entity: "Meeting", entityId: meeting.id, meetingId: meeting.id, action: "update", before: { city: "" }, after: { city: "Lille" } });
    });
    const page = { skip: 0, take: 10 };
    const named = async (params: { entityId: string }, language: "en" | "fr") =>
      (await listAuditEntries({ ...params, page }, tFor(language), language)).rows[0].sentence.filter((p) => typeof p !== "string");

    expect(await named({ entityId: rec.id }, "fr")).toEqual([{ text: rec.code, href: `/recommendations/${rec.id}` }]);
    expect(await named({ entityId: meeting.id }, "fr")).toEqual([{ text: `Réunion de printemps ${n}`, href: `/admin/meetings/${meeting.id}`, lang: "fr" }]);
    expect(await named({ entityId: meeting.id }, "en")).toEqual([{ text: `Spring meeting ${n}`, href: `/admin/meetings/${meeting.id}`, lang: "en" }]);
    expect(await named({ entityId: translated.id }, "fr")).toEqual([{ text: `Données frontalières ${n}`, href: "/recommendations/themes", lang: "fr" }]);
    expect(await named({ entityId: untranslated.id }, "fr")).toEqual([{ text: `Training ${n}`, href: "/recommendations/themes", lang: "en" }]);
    expect(await named({ entityId: translated.id }, "en")).toEqual([{ text: `Border data ${n}`, href: "/recommendations/themes", lang: "en" }]);
  });

  it("names agenda items (written in their meeting's language) and follow-ups in the reader's language where translated, else in the original's with its lang", async () => {
    const organiser = await createUser("ORGANISER");
    const n = crypto.randomUUID().slice(0, 6);
    const [english, french] = [await createMeeting(), await createMeeting()];
    await db.meeting.update({ where: { id: french.id }, data: { language: "fr" } });
    const item = (meetingId: string, title: string) =>
      db.agendaItem.create({ data: { meetingId, title, startsAt: new Date("2030-06-04T07:00:00Z"), endsAt: new Date("2030-06-04T08:00:00Z") }, select: { id: true } });
    const translatedItem = await item(english.id, `Opening ${n}`);
    await db.agendaItemTranslation.create({ data: { agendaItemId: translatedItem.id, language: "fr", title: `Ouverture ${n}` } });
    const frenchItem = await item(french.id, `Clôture ${n}`);
    const followUp = (meetingId: string, language: string, subject: string) => db.followUp.create({ data: { meetingId, language, subject, summary: "" }, select: { id: true } });
    const translatedFollowUp = await followUp(french.id, "fr", `Compte rendu ${n}`);
    await db.followUpTranslation.create({ data: { followUpId: translatedFollowUp.id, language: "en", subject: `Summary ${n}` } });
    const englishFollowUp = await followUp(english.id, "en", `Thank you ${n}`);
    await db.$transaction(async (tx) => {
      for (const i of [translatedItem, frenchItem]) await audit(tx, { userId: organiser.id, entity: "AgendaItem", entityId: i.id, action: "update", before: { room: "" }, after: { room: "B" } });
      for (const f of [translatedFollowUp, englishFollowUp]) await audit(tx, { userId: organiser.id, entity: "FollowUp", entityId: f.id, action: "draft", after: { recipients: 3 } });
    });
    const page = { skip: 0, take: 10 };
    const named = async (entityId: string, language: "en" | "fr") =>
      (await listAuditEntries({ entityId, page }, tFor(language), language)).rows[0].sentence.filter((p) => typeof p !== "string");

    expect(await named(translatedItem.id, "fr")).toEqual([{ text: `Ouverture ${n}`, href: `/admin/meetings/${english.id}/agenda`, lang: "fr" }]);
    expect(await named(translatedItem.id, "en")).toEqual([{ text: `Opening ${n}`, href: `/admin/meetings/${english.id}/agenda`, lang: "en" }]);
    expect(await named(frenchItem.id, "en")).toEqual([{ text: `Clôture ${n}`, href: `/admin/meetings/${french.id}/agenda`, lang: "fr" }]);
    const followUpHref = (meetingId: string, id: string) => `/admin/meetings/${meetingId}/mail/follow-ups/${id}`;
    expect(await named(translatedFollowUp.id, "en")).toEqual([{ text: `Summary ${n}`, href: followUpHref(french.id, translatedFollowUp.id), lang: "en" }]);
    expect(await named(translatedFollowUp.id, "fr")).toEqual([{ text: `Compte rendu ${n}`, href: followUpHref(french.id, translatedFollowUp.id), lang: "fr" }]);
    expect(await named(englishFollowUp.id, "fr")).toEqual([{ text: `Thank you ${n}`, href: followUpHref(english.id, englishFollowUp.id), lang: "en" }]);
  });

  it("sends each changed value as one line, long values cut, and never the whole snapshots", async () => {
    const organiser = await createUser("ORGANISER");
    const long = "x".repeat(100_000);
    await db.$transaction((tx) =>
      audit(tx, { userId: organiser.id, entity: "Series", entityId: "s-long", action: "update", before: { name: "Old", description: "" }, after: { name: "New", description: long } }),
    );
    const loaded = await loader({ request: await requestAs(organiser.id, "/admin/audit?entity=Series"), params: {}, context: {} });
    const entry = loaded.entries.find((e) => e.changes[0] === "name: Old → New");
    expect(entry?.changes).toEqual(["name: Old → New", `description: — → ${long}`.slice(0, CHANGE_LINE_CHARS) + "…"]);
    expect(JSON.stringify(loaded).length).toBeLessThan(long.length);
  });

  it("is refused to participants", async () => {
    const participant = await createUser("PARTICIPANT");
    const refused = await loader({ request: await requestAs(participant.id, "/admin/audit"), params: {}, context: {} }).then(() => null, (e: Response) => e);
    expect(refused?.status).toBe(403);
  });
});
