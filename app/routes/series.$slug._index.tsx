import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingStatusBadge } from "~/components/meetings";
import { countryName } from "~/domain/agencies/countries";
import { getPublicSeries } from "~/domain/series/series.server";
import { formatRange } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { useContentLang } from "~/components/content";
import { languageOf } from "~/i18n/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const series = await getPublicSeries(params.slug ?? "", await languageOf(request));
  if (!series) notFound("We could not find that series.");
  return { series };
}

export default function SeriesPage() {
  const { series: s } = useLoaderData<typeof loader>();
  const contentLang = useContentLang();
  return (
    <>
      <header className="page-header">
        <h1>{s.name}</h1>
        <div className="page-actions">
          <Link className="button secondary" to={`/series/${s.slug}/calendar.ics`} reloadDocument>
            Subscribe to all sessions (.ics)
          </Link>
        </div>
      </header>
      {s.description ? <p>{s.description}</p> : null}
      <h2>Members</h2>
      {s.members.length ? (
        <ul>
          {s.members.map((agency) => (
            <li key={agency.name}>
              {agency.name} ({agency.acronym}){agency.country ? `, ${countryName(agency.country)}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>No member agencies listed.</p>
      )}
      <h2>Sessions</h2>
      {s.meetings.length ? (
        <ul className="cards">
          {s.meetings.map((m) => (
            <li key={m.slug} className="card">
              <h3>
                <Link to={`/meetings/${m.slug}`} lang={contentLang(m.lang.title)}>
                  {m.title}
                </Link>
              </h3>
              <p>{formatRange(m.startsAt, m.endsAt, m.timeZone)}</p>
              <p className="muted">{m.city}</p>
              <MeetingStatusBadge status={m.status} />
            </li>
          ))}
        </ul>
      ) : (
        <p>No sessions yet.</p>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.series.name} · Convene` : "Series · Convene" }];
