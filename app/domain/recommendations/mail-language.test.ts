import { describe, expect, it } from "vitest";
import { createAgency } from "~/test/factories";
import { actor, createRecommendationRow } from "~/test/factories.recommendations";
import { db } from "~/utils/db.server";
import { requestProgress, returnProgressUpdate, submitProgressUpdate } from "./progress.server";

// The mails about a recommendation name it in the recipient's language when it is translated, else in the
// original's, marked with `lang` (decision 080).

async function focalPoint(agencyId: string, locale: "en" | "fr") {
  const fp = await actor("FOCAL_POINT", agencyId);
  await db.user.update({ where: { id: fp.id }, data: { locale } });
  return fp;
}

const mailTo = (email: string, kind: string) => db.outboxMessage.findFirstOrThrow({ where: { toEmail: email, kind }, select: { subject: true, html: true, text: true, headers: true } });

describe("the progress request and the returned-report mails in the recipient's language", () => {
  it("name the recommendation by its translated title, or by the original marked with its language", async () => {
    const sec = await actor("SECRETARIAT");
    const agency = await createAgency();
    const [french, english] = [await focalPoint(agency.id, "fr"), await focalPoint(agency.id, "en")];
    const translated = await createRecommendationRow({ leadAgencyId: agency.id, status: "IN_PROGRESS" });
    await db.recommendationTranslation.create({ data: { recommendationId: translated.id, language: "fr", title: "Partager les données", text: "" } });

    expect(await requestProgress(sec, translated.id)).toEqual({ ok: true, count: 2 });
    const toFrench = await mailTo(french.email, "progress-request");
    expect(toFrench.subject).toContain("Partager les données");
    expect(toFrench.html).toContain("<td>Partager les données</td>");
    expect(toFrench.html).not.toContain("Share data");
    expect(toFrench.headers).not.toHaveProperty("Content-Language");
    const toEnglish = await mailTo(english.email, "progress-request");
    expect(toEnglish.subject).toContain("Share data");
    expect(toEnglish.html).toContain("<td>Share data</td>");

    // Not translated: the French focal point gets the English original, marked as English.
    const untranslated = await createRecommendationRow({ leadAgencyId: agency.id, status: "IN_PROGRESS" });
    await db.outboxMessage.deleteMany({ where: { toEmail: { in: [french.email, english.email] } } });
    await requestProgress(sec, untranslated.id);
    const original = await mailTo(french.email, "progress-request");
    expect(original.subject).toContain("Share data");
    expect(original.html).toContain('<td lang="en">Share data</td>');
    expect(original.headers).toMatchObject({ "Content-Language": "fr, en" });
    expect((await mailTo(english.email, "progress-request")).html).toContain("<td>Share data</td>");

    // A report sent back to its French author names the recommendation in French.
    expect(await submitProgressUpdate(french, translated.id, { text: "Fait à moitié" })).toMatchObject({ ok: true });
    const update = await db.progressUpdate.findFirstOrThrow({ where: { recommendationId: translated.id }, select: { id: true } });
    expect(await returnProgressUpdate(sec, update.id, "Précisez les chiffres")).toMatchObject({ ok: true });
    const returned = await mailTo(french.email, "progress-returned");
    expect(returned.text).toContain("Partager les données");
    expect(returned.text).not.toContain("Share data");
  });
});
