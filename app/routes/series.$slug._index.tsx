import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { MeetingStatusBadge } from "~/components/meeting-status";
import { Pagination } from "~/components/ui";
import { countryName } from "~/domain/agencies/countries";
import { getPublicSeries } from "~/domain/series/series.server";
import { notFound } from "~/utils/http.server";
import { useContentLang } from "~/components/content";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { pageCount, pageFrom } from "~/utils/pagination";

export const handle = { i18n: ["meetings"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = pageFrom(new URL(request.url));
  const [series, t] = await Promise.all([getPublicSeries(params.slug ?? "", await languageOf(request, context), page), fixedT(request, context)]);
  if (!series) notFound(t("meetings:series.notFound"));
  return { title: t("meetings:series.pageTitle", { series: series.name }), series, page: page.page, pageCount: pageCount(series.sessionCount) };
}

export default function SeriesPage() {
  const { series: s, page, pageCount } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const contentLang = useContentLang();
  const { t, language } = useTranslation(["meetings"]);
  return (
    <>
      <header className="page-header">
        <h1>{s.name}</h1>
        <div className="page-actions">
          <Link className="button secondary" to={`/series/${s.slug}/calendar.ics`} reloadDocument>
            {t("meetings:series.subscribe")}
          </Link>
        </div>
      </header>
      {s.description ? <p>{s.description}</p> : null}
      <h2>{t("meetings:series.members")}</h2>
      {s.members.length ? (
        <ul>
          {s.members.map((agency) => (
            <li key={agency.name}>
              {agency.name} ({agency.acronym}){agency.country ? `, ${countryName(agency.country, language)}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("meetings:series.noMembers")}</p>
      )}
      <h2>{t("meetings:series.sessionsHeading")}</h2>
      {pageCount > 1 ? <p className="muted">{t("meetings:series.sessions", { count: s.sessionCount })}</p> : null}
      {s.meetings.length ? (
        <ul className="cards">
          {s.meetings.map((m) => (
            <li key={m.slug} className="card">
              <h3>
                <Link to={`/meetings/${m.slug}`} lang={contentLang(m.lang.title)}>
                  {m.title}
                </Link>
              </h3>
              <p>{m.when}</p>
              <p className="muted">{m.city}</p>
              <MeetingStatusBadge status={m.status} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("meetings:series.noSessions")}</p>
      )}
      <Pagination page={page} pageCount={pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
