import { describe, expect, it } from "vitest";
import { createAgency, createUser, routeArgs } from "~/test/factories";
import { actor, createRecommendationRow, createTheme } from "~/test/factories.recommendations";
import { overlapping } from "~/test/overlap";
import { db } from "~/utils/db.server";
import { loader as progressLinkLoader } from "~/routes/progress.$token";
import { requestProgress } from "./progress.server";
import { listRecommendationsForMeetingPage, getRecommendationDetail, listRecommendations, recommendationsCsvRows } from "./recommendations.server";
import { recommendationTranslationEditor, saveRecommendationTranslation, saveThemeTranslations, themeTranslationEditor } from "./translations.server";

// Recommendations and themes in two languages (decision 080): the organiser's saves and the readers.

describe("a recommendation's translation", () => {
  it("saves the title and text in the other language, refuses a form made before another save, and deletes a row emptied", async () => {
    const sec = await actor("SECRETARIAT");
    const rec = await createRecommendationRow({ code: "TR-01" });
    const form = await recommendationTranslationEditor(rec.id);
    expect(form).toMatchObject({ language: "en", into: "fr", original: { title: "Share data" }, translated: { title: "", text: "" } });

    const first = await saveRecommendationTranslation(sec, rec.id, { stamp: form.stamp, language: "en", into: "fr", title: "Partager les données", text: "" });
    expect(first).toEqual({ ok: true, changed: true });
    // A missing text is an empty column, not a row: the French reader gets the translated title and the English text.
    const fr = await getRecommendationDetail(sec, rec.id, "fr");
    expect(fr.shown).toMatchObject({ title: "Partager les données", text: "Share data between services.", lang: { title: "fr", text: "en" } });
    expect(fr.missing).toEqual({ into: "fr", fields: ["text"] });
    expect((await getRecommendationDetail(sec, rec.id, "en")).shown).toMatchObject({ title: "Share data", lang: { title: "en" } });

    // Someone else's form, opened before that save, is refused and changes nothing.
    const stale = await saveRecommendationTranslation(sec, rec.id, { stamp: form.stamp, language: "en", into: "fr", title: "Autre titre", text: "Autre texte" });
    expect(stale).toEqual({ ok: false, formErrors: ["common:error.stale"] });
    expect(await db.recommendationTranslation.findMany({ where: { recommendationId: rec.id }, select: { title: true, text: true } })).toEqual([{ title: "Partager les données", text: "" }]);

    // So is a form made before the original changed (the translator would translate an old text).
    const now = await recommendationTranslationEditor(rec.id);
    await db.recommendation.update({ where: { id: rec.id }, data: { title: "Share data now" } });
    expect(await saveRecommendationTranslation(sec, rec.id, { stamp: now.stamp, language: "en", into: "fr", title: "x", text: "" })).toMatchObject({ ok: false });

    // The original's language cannot change while a translation exists.
    const again = await recommendationTranslationEditor(rec.id);
    expect(await saveRecommendationTranslation(sec, rec.id, { stamp: again.stamp, language: "fr", into: "fr", title: "Partager les données", text: "" })).toEqual({
      ok: false,
      fieldErrors: { language: ["recommendations:error.languageWithTranslation"] },
    });

    // Emptied entirely: the row goes, and the translation is missing again.
    expect(await saveRecommendationTranslation(sec, rec.id, { stamp: again.stamp, language: "en", into: "fr", title: "", text: "" })).toEqual({ ok: true, changed: true });
    expect(await db.recommendationTranslation.count({ where: { recommendationId: rec.id } })).toBe(0);
    expect((await getRecommendationDetail(sec, rec.id, "fr")).missing.fields).toEqual(["title", "text"]);
    expect(await db.auditLog.count({ where: { entityId: rec.id, action: "translations" } })).toBe(2);
  });

  it("makes a save from a form opened together with another wait for the other's save under way, then refuses it", async () => {
    const sec = await actor("SECRETARIAT");
    const rec = await createRecommendationRow();
    // A translation exists already: the saves update it (two first saves at once: the unique key refuses one).
    const first = await recommendationTranslationEditor(rec.id);
    await saveRecommendationTranslation(sec, rec.id, { stamp: first.stamp, language: "en", into: "fr", title: "Titre", text: "" });
    const form = await recommendationTranslationEditor(rec.id);
    const save = (title: string) => () => saveRecommendationTranslation(sec, rec.id, { stamp: form.stamp, language: "en", into: "fr", title, text: "" });
    // B's save starts while A's transaction is open (test/overlap.ts): without the recommendation's row lock,
    // B would read the translation as it was before A's save, find its form current and write over A's title.
    expect(await overlapping(save("Titre A"), save("Titre B"))).toEqual([{ ok: true, changed: true }, { ok: false, formErrors: ["common:error.stale"] }]);
    expect((await db.recommendationTranslation.findFirstOrThrow({ where: { recommendationId: rec.id } })).title).toBe("Titre A");
    expect(await db.auditLog.count({ where: { entityId: rec.id, action: "translations" } })).toBe(2);
  });

  it("makes a themes save from a form opened together with another wait for the other's save under way, then refuses it", async () => {
    const sec = await actor("SECRETARIAT");
    const theme = await createTheme("Overlapping saves TR");
    // A translation exists already: the saves update it (two first saves at once: the unique key refuses one).
    const first = await themeTranslationEditor();
    expect(await saveThemeTranslations(sec, { stamp: first.stamp, themes: [{ id: theme.id, name: "Enregistrements" }] })).toEqual({ ok: true, changed: 1 });
    const form = await themeTranslationEditor();
    const save = (name: string) => () => saveThemeTranslations(sec, { stamp: form.stamp, themes: [{ id: theme.id, name }] });
    // Without the lock on the themes' rows, B would read the names as they were before A's save and write over A's.
    expect(await overlapping(save("Nom A"), save("Nom B"))).toEqual([{ ok: true, changed: 1 }, { ok: false, formErrors: ["common:error.stale"] }]);
    expect((await db.themeTranslation.findFirstOrThrow({ where: { themeId: theme.id } })).name).toBe("Nom A");
  });

  it("is for the secretariat only", async () => {
    const fp = await actor("FOCAL_POINT");
    const rec = await createRecommendationRow();
    const form = await recommendationTranslationEditor(rec.id);
    const thrown = await saveRecommendationTranslation(fp, rec.id, { stamp: form.stamp, language: "en", into: "fr", title: "x", text: "" }).then(() => null, (e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });
});

describe("reading recommendations and themes in the reader's language", () => {
  it("lists, exports and shows on the public meeting page the French title and theme name to a French reader, the English to an English one", async () => {
    const sec = await actor("SECRETARIAT");
    const rec = await createRecommendationRow({ code: "TR-02", status: "ADOPTED" });
    const theme = await createTheme("Data sharing TR");
    await db.recommendationTheme.create({ data: { recommendationId: rec.id, themeId: theme.id } });
    const form = await recommendationTranslationEditor(rec.id);
    await saveRecommendationTranslation(sec, rec.id, { stamp: form.stamp, language: "en", into: "fr", title: "Partager les données", text: "Partager les données entre services." });
    const themes = await themeTranslationEditor();
    const row = themes.themes.find((th) => th.id === theme.id)!;
    expect(row).toMatchObject({ name: "Data sharing TR", into: "fr", translated: "" });
    const savedThemes = await saveThemeTranslations(sec, { stamp: themes.stamp, themes: [{ id: theme.id, name: "Partage de données TR" }] });
    expect(savedThemes).toEqual({ ok: true, changed: 1 });
    // A second save from the same (now old) form is refused.
    expect(await saveThemeTranslations(sec, { stamp: themes.stamp, themes: [{ id: theme.id, name: "Autre" }] })).toEqual({ ok: false, formErrors: ["common:error.stale"] });
    // The save is in the audit log, in the sentence the translations share.
    const logged = await db.auditLog.findMany({ where: { entity: "Theme", entityId: theme.id }, select: { action: true, userId: true, after: true } });
    expect(logged).toEqual([{ action: "translations", userId: sec.id, after: { language: "fr", name: "Partage de données TR" } }]);

    const page = { skip: 0, take: 100 };
    const mine = (items: { code: string }[]) => items.filter((r) => r.code === "TR-02");
    expect(mine((await listRecommendations(sec, {}, page, "fr")).items)).toMatchObject([{ title: "Partager les données", lang: { title: "fr" } }]);
    expect(mine((await listRecommendations(sec, {}, page, "en")).items)).toMatchObject([{ title: "Share data", lang: { title: "en" } }]);

    const csv = async (language: "en" | "fr") => (await recommendationsCsvRows(sec, {}, language)).find((r) => r[0] === "TR-02")!;
    expect((await csv("fr")).slice(0, 5)).toEqual(["TR-02", "Partager les données", "Partager les données entre services.", "", "Partage de données TR"]);
    expect((await csv("en")).slice(0, 5)).toEqual(["TR-02", "Share data", "Share data between services.", "", "Data sharing TR"]);

    const detail = await getRecommendationDetail(sec, rec.id, "fr");
    expect(detail.themes).toMatchObject([{ theme: { name: "Partage de données TR", lang: { name: "fr" } } }]);

    const publicPage = await listRecommendationsForMeetingPage(rec.meetingId, "fr");
    expect(publicPage.made).toMatchObject([{ title: "Partager les données", text: "Partager les données entre services.", lang: { title: "fr", text: "fr" } }]);
    expect((await listRecommendationsForMeetingPage(rec.meetingId, "en")).made).toMatchObject([{ title: "Share data", lang: { title: "en" } }]);
  });

  it("shows the recommendation on the progress-link page in the reader's language, else the original's with its lang", async () => {
    const sec = await actor("SECRETARIAT");
    /** A recommendation led by a new agency with a focal point, and the token of the link mailed to them. */
    async function linked(translation?: { title: string; text: string }) {
      const agency = await createAgency();
      const fp = await createUser("FOCAL_POINT", { agencyId: agency.id });
      const rec = await createRecommendationRow({ leadAgencyId: agency.id, status: "IN_PROGRESS" });
      if (translation) await db.recommendationTranslation.create({ data: { recommendationId: rec.id, language: "fr", ...translation } });
      expect(await requestProgress(sec, rec.id)).toMatchObject({ ok: true });
      const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: fp.email, kind: "progress-request" } });
      return /\/progress\/([\w-]+)/.exec(mail.text)![1];
    }
    const shown = async (token: string, language: "en" | "fr") => {
      const data = await progressLinkLoader(routeArgs(new Request(`http://convene.test/progress/${token}?lang=${language}`), { token }));
      if (!data.state.ok) throw new Error(data.state.reason);
      const { title, text, lang } = data.state.recommendation;
      return { title, text, lang };
    };

    const translated = await linked({ title: "Partager les données", text: "Partager les données entre services." });
    expect(await shown(translated, "fr")).toEqual({ title: "Partager les données", text: "Partager les données entre services.", lang: { title: "fr", text: "fr" } });
    expect(await shown(translated, "en")).toEqual({ title: "Share data", text: "Share data between services.", lang: { title: "en", text: "en" } });
    // Only the title translated: the text is the original's, marked as English.
    const titleOnly = await linked({ title: "Partager les données", text: "" });
    expect(await shown(titleOnly, "fr")).toEqual({ title: "Partager les données", text: "Share data between services.", lang: { title: "fr", text: "en" } });
    const untranslated = await linked();
    expect(await shown(untranslated, "fr")).toEqual({ title: "Share data", text: "Share data between services.", lang: { title: "en", text: "en" } });
  });
});
