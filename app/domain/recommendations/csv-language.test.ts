import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { createAgency, createMeeting } from "~/test/factories";
import { actor, createRecommendationRow } from "~/test/factories.recommendations";
import { toCsv } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { importRecommendations } from "./import.server";
import { CSV_HEADER, recommendationsCsvRows } from "./recommendations.server";

// The recommendations CSV says each row's language, and the import keeps it as the original's
// (decision 089): an export in French imported again is French, not English.

/** A meeting with three recommendations: translated into French, half translated, written in French. */
async function threeRecommendations() {
  const prefix = `RT${crypto.randomUUID().slice(0, 6)}`;
  const meeting = await createMeeting();
  const lead = await createAgency();
  const whole = await createRecommendationRow({ code: `${prefix}-A`, meetingId: meeting.id, leadAgencyId: lead.id });
  await db.recommendationTranslation.create({ data: { recommendationId: whole.id, language: "fr", title: "Partager les données", text: "Partager les données entre services." } });
  const half = await createRecommendationRow({ code: `${prefix}-B`, meetingId: meeting.id, leadAgencyId: lead.id });
  await db.recommendationTranslation.create({ data: { recommendationId: half.id, language: "fr", title: "Partager les données", text: "" } });
  const french = await createRecommendationRow({ code: `${prefix}-C`, meetingId: meeting.id, leadAgencyId: lead.id });
  await db.recommendation.update({ where: { id: french.id }, data: { language: "fr", title: "Former les agents", text: "Former les agents aux nouvelles règles." } });
  return { prefix, meeting };
}

const imported = async (prefix: string) =>
  db.recommendation.findMany({ where: { code: { startsWith: prefix } }, orderBy: { code: "asc" }, select: { code: true, language: true, title: true, text: true } });

describe("the recommendations CSV in two languages", () => {
  it("exports each row in one language, said in its language column, and imports it back as the original in that language", async () => {
    const sec = await actor("SECRETARIAT");
    const { prefix, meeting } = await threeRecommendations();
    const file = async (language: "en" | "fr", as: string) => toCsv(CSV_HEADER, await recommendationsCsvRows(sec, { meeting: meeting.id }, language)).replaceAll(`${prefix}-`, `${as}-`);

    // In French: the translated row in French; the half-translated one whole in its English original, not
    // a French title over an English text; the French original in French.
    const [inFrench, inEnglish] = [await file("fr", `${prefix}F`), await file("en", `${prefix}E`)];
    const frenchReport = await importRecommendations(sec, inFrench, tFor("fr"));
    expect(frenchReport).toMatchObject({ ok: true, report: { failed: [] } });
    expect(await imported(`${prefix}F`)).toEqual([
      { code: `${prefix}F-A`, language: "fr", title: "Partager les données", text: "Partager les données entre services." },
      { code: `${prefix}F-B`, language: "en", title: "Share data", text: "Share data between services." },
      { code: `${prefix}F-C`, language: "fr", title: "Former les agents", text: "Former les agents aux nouvelles règles." },
    ]);

    expect(await importRecommendations(sec, inEnglish, tFor("en"))).toMatchObject({ ok: true, report: { failed: [] } });
    expect(await imported(`${prefix}E`)).toEqual([
      { code: `${prefix}E-A`, language: "en", title: "Share data", text: "Share data between services." },
      { code: `${prefix}E-B`, language: "en", title: "Share data", text: "Share data between services." },
      { code: `${prefix}E-C`, language: "fr", title: "Former les agents", text: "Former les agents aux nouvelles règles." },
    ]);

    // The same file imported again: every code is taken, each row says so, and nothing changes (the import
    // never writes over a recommendation or its translation: the translation page does, decision 080).
    const again = await importRecommendations(sec, inFrench, tFor("en"));
    if (!again.ok) throw new Error("the file was refused");
    expect(again.report.created).toEqual([]);
    expect(again.report.failed.map((f) => f.reasons)).toEqual(Array(3).fill(["code: This code is already used by another recommendation."]));
    expect(await imported(`${prefix}F`)).toHaveLength(3);
  });

  it("reports an unknown language on its row and saves the others; a file without the column is English as before", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting();
    const lead = await createAgency();
    const prefix = `RL${crypto.randomUUID().slice(0, 6)}`;
    const csv = [
      "code,title,text,meeting,lead_agency,language",
      `${prefix}-1,Former les agents,Former.,${meeting.slug},${lead.acronym},FR`,
      `${prefix}-2,Schulung,Schulen.,${meeting.slug},${lead.acronym},de`,
      `${prefix}-3,Train staff,Train.,${meeting.slug},${lead.acronym},`,
    ].join("\n");
    const result = await importRecommendations(sec, csv, tFor("fr"));
    if (!result.ok) throw new Error("the file was refused");
    expect(result.report.created.map((c) => c.row)).toEqual([2, 4]);
    expect(result.report.failed).toEqual([{ row: 3, code: `${prefix}-2`, reasons: ["language : langue inconnue « de » (utilisez l’une des suivantes : en, fr)."] }]);
    expect((await imported(prefix)).map((r) => [r.code, r.language])).toEqual([
      [`${prefix}-1`, "fr"],
      [`${prefix}-3`, "en"],
    ]);

    const old = await importRecommendations(sec, [`code,title,text,meeting,lead_agency`, `${prefix}-4,Train staff,Train.,${meeting.slug},${lead.acronym}`].join("\n"), tFor("en"));
    expect(old).toMatchObject({ ok: true, report: { failed: [] } });
    expect((await imported(`${prefix}-4`)).map((r) => r.language)).toEqual(["en"]);
    const first = await db.recommendation.findUniqueOrThrow({ where: { code: `${prefix}-1` }, select: { id: true } });
    expect(await db.auditLog.findFirst({ where: { entityId: first.id, action: "create" }, select: { after: true } })).toMatchObject({ after: { language: "fr" } });
  });
});
