import { RecommendationStatus } from "~/components/recommendation-status";

// The recommendations block of a public meeting page: adopted or later only, no updates or evidence.
// Data from listRecommendationsForMeetingPage(meetingId) in domain/recommendations.

type Made = { id: string; code: string; title: string; text: string; status: string; progress: number; leadAgency: { acronym: string; name: string } };
type Reviewed = { id: string; code: string; title: string; status: string; progress: number; leadAcronym: string; madeAt: string; outcome: string };

export function RecommendationsSection({ data }: { data: { made: Made[]; reviewed: Reviewed[] } }) {
  if (!data.made.length && !data.reviewed.length) return null;
  return (
    <section aria-labelledby="meeting-recs-h">
      <h2 id="meeting-recs-h">Recommendations</h2>
      {data.made.length ? (
        <>
          <h3>Made at this meeting</h3>
          <ul className="cards">
            {data.made.map((r) => (
              <li key={r.id} className="card">
                <h4>
                  {r.code}: {r.title}
                </h4>
                <p>
                  Lead: {r.leadAgency.name} ({r.leadAgency.acronym}) · <RecommendationStatus status={r.status} /> · {r.progress} % done
                </p>
                <p style={{ whiteSpace: "pre-line" }}>{r.text}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.reviewed.length ? (
        <>
          <h3>Reviewed at this meeting</h3>
          <ul className="cards">
            {data.reviewed.map((r) => (
              <li key={r.id} className="card">
                <h4>
                  {r.code}: {r.title}
                </h4>
                <p>
                  Made at {r.madeAt}; lead {r.leadAcronym} · <RecommendationStatus status={r.status} /> · {r.progress} % done
                </p>
                {r.outcome ? <p>Outcome: {r.outcome}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
