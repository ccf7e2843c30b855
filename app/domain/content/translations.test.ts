import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createMeeting, createUser, requestAs, routeArgs } from "~/test/factories";
import { createAgenda } from "~/test/factories.meetings";
import { overlapping } from "~/test/overlap";
import { loader as meetingLoader } from "~/routes/meetings.$slug._index";
import { meetingCalendar } from "~/domain/meetings/ics.server";
import { meetingCalendarData } from "~/domain/meetings/meetings.server";
import { localize, localized } from "./localized";
import { missingTranslations, saveTranslations, translationEditor } from "./translations.server";
import type { TranslationsInput } from "./translations.schema";

// Content in two languages (decision 080): the reader gets the translation, else the original marked with
// its language; the organiser's save refuses a form opened before someone else's save.

const actorOf = (u: { id: string; name: string; email: string }) => ({ id: u.id, role: "ORGANISER" as const, agencyId: null, name: u.name, email: u.email });

async function meetingWithAgenda() {
  const meeting = await createMeeting({ title: "Border management workshop" });
  await db.meeting.update({ where: { id: meeting.id }, data: { description: "Two days of work.", agendaPublishedAt: new Date() } });
  const [opening, closing] = await createAgenda(meeting.id, [
    ["Opening", "2030-06-04T07:00:00Z", "2030-06-04T08:00:00Z"],
    ["Closing", "2030-06-04T15:00:00Z", "2030-06-04T16:00:00Z"],
  ]);
  return { meeting, opening, closing };
}

/** The form as the editor page renders it, with some fields filled in. */
async function formOf(meetingId: string, fill: Partial<TranslationsInput> = {}): Promise<TranslationsInput> {
  const e = await translationEditor(meetingId);
  return {
    stamp: e.stamp,
    language: e.language,
    into: e.into,
    title: e.meeting.translated.title,
    description: e.meeting.translated.description,
    items: e.items.map((i) => ({ id: i.id, ...i.translated })),
    documents: e.documents.map((d) => ({ id: d.id, ...d.translated })),
    ...fill,
  };
}

describe("localized", () => {
  const row = { title: "Opening", description: "Welcome.", translations: [{ language: "fr", title: "Ouverture", description: "" }] };

  it("gives the translation in the reader's language, else the original marked with its language", () => {
    expect(localized(row, "title", "fr", "en")).toEqual({ text: "Ouverture", lang: "fr" });
    // An empty translated column is a missing translation.
    expect(localized(row, "description", "fr", "en")).toEqual({ text: "Welcome.", lang: "en" });
    expect(localized(row, "title", "en", "en")).toEqual({ text: "Opening", lang: "en" });
    // An original in French read in English, with no English row: the French text, marked fr.
    expect(localized({ title: "Ouverture", translations: [] }, "title", "en", "fr")).toEqual({ text: "Ouverture", lang: "fr" });
  });

  it("localize replaces the columns and says each one's language", () => {
    const out = localize(row, ["title", "description"], "fr", "en");
    expect(out).toEqual({ title: "Ouverture", description: "Welcome.", lang: { title: "fr", description: "en" } });
  });
});

describe("saving a meeting's translations", () => {
  it("saves French texts that French readers of the meeting page get, with the untranslated ones in English marked lang en", async () => {
    const { meeting, opening } = await meetingWithAgenda();
    const organiser = await createUser("ORGANISER");
    const form = await formOf(meeting.id, { title: "Atelier sur la gestion des frontières", description: "Deux jours de travail." });
    form.items = form.items.map((i) => (i.id === opening ? { ...i, title: "Ouverture" } : i));
    expect(await saveTranslations(actorOf(organiser), meeting.id, form)).toEqual({ ok: true, changed: 2 });

    const request = await requestAs(null, `/meetings/${meeting.slug}`, { headers: { "Accept-Language": "fr-FR,fr;q=0.9" } });
    const page = (await meetingLoader(routeArgs(request, { slug: meeting.slug }))) as Awaited<ReturnType<typeof meetingLoader>>;
    expect(page.meeting.title).toBe("Atelier sur la gestion des frontières");
    expect(page.meeting.lang).toEqual({ title: "fr", description: "fr" });
    expect(page.agenda.map((i) => [i.title, i.lang?.title])).toEqual([["Ouverture", "fr"], ["Closing", "en"]]);

    // English readers see the originals, as before.
    const english = (await meetingLoader(routeArgs(await requestAs(null, `/meetings/${meeting.slug}`), { slug: meeting.slug }))) as Awaited<ReturnType<typeof meetingLoader>>;
    expect(english.meeting.title).toBe("Border management workshop");
    expect(english.agenda.map((i) => i.title)).toEqual(["Opening", "Closing"]);

    // What is left: the closing item's title (the items have no description).
    expect((await missingTranslations(meeting.id)).missing).toEqual([{ what: "item", field: "title", original: "Closing" }]);
  });

  it("refuses a form opened before someone else's save, and keeps their text", async () => {
    const { meeting } = await meetingWithAgenda();
    const [a, b] = [await createUser("ORGANISER"), await createUser("ORGANISER")];
    const formA = await formOf(meeting.id, { title: "Titre de A" });
    const formB = await formOf(meeting.id, { title: "Titre de B" });
    expect((await saveTranslations(actorOf(a), meeting.id, formA)).ok).toBe(true);
    expect(await saveTranslations(actorOf(b), meeting.id, formB)).toEqual({ ok: false, formErrors: ["common:error.stale"] });
    expect((await translationEditor(meeting.id)).meeting.translated.title).toBe("Titre de A");
  });

  it("makes a save from a form opened together with another wait for the other's save under way, then refuses it", async () => {
    const { meeting } = await meetingWithAgenda();
    const actor = actorOf(await createUser("ORGANISER"));
    // A translation exists already: the saves update it (two first saves at once: the unique key refuses one).
    expect((await saveTranslations(actor, meeting.id, await formOf(meeting.id, { title: "Titre" }))).ok).toBe(true);
    const [formA, formB] = [await formOf(meeting.id, { title: "Titre de A" }), await formOf(meeting.id, { title: "Titre de B" })];
    // B's save starts while A's transaction is open (test/overlap.ts): without the meeting's lock, B would read
    // the rows as they were before A's save, find its form current and write over A's title.
    const outcomes = await overlapping(
      () => saveTranslations(actor, meeting.id, formA),
      () => saveTranslations(actor, meeting.id, formB),
    );
    expect(outcomes).toEqual([{ ok: true, changed: 1 }, { ok: false, formErrors: ["common:error.stale"] }]);
    expect((await translationEditor(meeting.id)).meeting.translated.title).toBe("Titre de A");
    expect(await db.auditLog.count({ where: { entityId: meeting.id, action: "translations" } })).toBe(2);
  });

  it("refuses a form opened before the original title was edited (the translator would translate an old text)", async () => {
    const { meeting, opening } = await meetingWithAgenda();
    const actor = actorOf(await createUser("ORGANISER"));
    const form = await formOf(meeting.id, { title: "Atelier sur la gestion des frontières" });
    await db.meeting.update({ where: { id: meeting.id }, data: { title: "Border and migration management workshop" } });
    expect(await saveTranslations(actor, meeting.id, form)).toEqual({ ok: false, formErrors: ["common:error.stale"] });
    expect(await db.meetingTranslation.count({ where: { meetingId: meeting.id } })).toBe(0);
    // The same for an agenda item's title edited meanwhile.
    const again = await formOf(meeting.id, { title: "Atelier" });
    await db.agendaItem.update({ where: { id: opening }, data: { title: "Opening session" } });
    expect(await saveTranslations(actor, meeting.id, again)).toEqual({ ok: false, formErrors: ["common:error.stale"] });
    expect((await saveTranslations(actor, meeting.id, await formOf(meeting.id, { title: "Atelier" }))).ok).toBe(true);
  });

  it("removes a translation emptied, and refuses changing the original's language while translations exist", async () => {
    const { meeting } = await meetingWithAgenda();
    const actor = actorOf(await createUser("ORGANISER"));
    expect((await saveTranslations(actor, meeting.id, await formOf(meeting.id, { title: "Titre" }))).ok).toBe(true);
    expect(await saveTranslations(actor, meeting.id, await formOf(meeting.id, { language: "fr" }))).toEqual({
      ok: false,
      fieldErrors: { language: ["content:error.languageWithTranslations"] },
    });
    expect((await saveTranslations(actor, meeting.id, await formOf(meeting.id, { title: "" }))).ok).toBe(true);
    expect(await db.meetingTranslation.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await saveTranslations(actor, meeting.id, await formOf(meeting.id, { language: "fr" }))).toEqual({ ok: true, changed: 1 });
    expect((await translationEditor(meeting.id)).into).toBe("en");
  });

  it("refuses an agenda item of another meeting", async () => {
    const { meeting } = await meetingWithAgenda();
    const other = await meetingWithAgenda();
    const form = await formOf(meeting.id);
    form.items.push({ id: other.opening, title: "Intrus", description: "" });
    expect(await saveTranslations(actorOf(await createUser("ORGANISER")), meeting.id, form)).toEqual({ ok: false, formErrors: ["content:error.unknownItem"] });
    expect(await db.agendaItemTranslation.count({ where: { agendaItemId: other.opening } })).toBe(0);
  });
});

describe("the calendar file", () => {
  it("has the title in the reader's language, else the original", async () => {
    const { meeting } = await meetingWithAgenda();
    await db.meetingTranslation.create({ data: { meetingId: meeting.id, language: "fr", title: "Atelier frontières" } });
    const french = meetingCalendar((await meetingCalendarData(meeting.slug, null, "fr"))!);
    expect(french).toContain("SUMMARY:Atelier frontières");
    // No French description: the English one.
    expect(french).toContain("Two days of work.");
    expect(meetingCalendar((await meetingCalendarData(meeting.slug, null, "en"))!)).toContain("SUMMARY:Border management workshop");
  });
});
