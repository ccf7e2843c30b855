import { RecommendationStatus } from "~/components/recommendation-status";
import { useContentLang } from "~/components/content";
import type { Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";

// The recommendations block of a public meeting page: adopted or later only, no updates or evidence.
// Data from listRecommendationsForMeetingPage(meetingId) in domain/recommendations.

type Made = { id: string; code: string; title: string; text: string; lang: { title: Language; text: Language }; status: string; progress: number; leadAgency: { acronym: string; name: string } };
type Reviewed = { id: string; code: string; title: string; lang: { title: Language }; status: string; progress: number; leadAcronym: string; madeAt: string; outcome: string };

export function RecommendationsSection({ data }: { data: { made: Made[]; reviewed: Reviewed[] } }) {
  const { t } = useTranslation(["common"]);
  const contentLang = useContentLang();
  if (!data.made.length && !data.reviewed.length) return null;
  return (
    <section aria-labelledby="meeting-recs-h">
      <h2 id="meeting-recs-h">{t("common:recommendationsSection.heading")}</h2>
      {data.made.length ? (
        <>
          <h3>{t("common:recommendationsSection.made")}</h3>
          <ul className="cards">
            {data.made.map((r) => (
              <li key={r.id} className="card">
                <h4>
                  {r.code}: <span lang={contentLang(r.lang.title)}>{r.title}</span>
                </h4>
                <p>
                  {t("common:recommendationsSection.lead", { name: r.leadAgency.name, acronym: r.leadAgency.acronym })} · <RecommendationStatus status={r.status} /> ·{" "}
                  {t("common:recommendationsSection.done", { progress: r.progress })}
                </p>
                <p style={{ whiteSpace: "pre-line" }} lang={contentLang(r.lang.text)}>
                  {r.text}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.reviewed.length ? (
        <>
          <h3>{t("common:recommendationsSection.reviewed")}</h3>
          <ul className="cards">
            {data.reviewed.map((r) => (
              <li key={r.id} className="card">
                <h4>
                  {r.code}: <span lang={contentLang(r.lang.title)}>{r.title}</span>
                </h4>
                <p>
                  {t("common:recommendationsSection.madeAt", { meeting: r.madeAt, acronym: r.leadAcronym })} · <RecommendationStatus status={r.status} /> ·{" "}
                  {t("common:recommendationsSection.done", { progress: r.progress })}
                </p>
                {r.outcome ? <p>{t("common:recommendationsSection.outcome", { outcome: r.outcome })}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
