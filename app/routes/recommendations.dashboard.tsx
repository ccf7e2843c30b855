import type { ReactNode } from "react";
import type {
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { ChartData } from "~/components/chart-data";
import { StatusMatrix } from "~/components/status-matrix";
import {
  filterQuery,
  RecommendationFilters,
  RecommendationTable,
} from "~/components/recommendation-ui";
import { PageHeader } from "~/components/ui";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatNumber } from "~/i18n/translate";
import { requireCapability } from "~/domain/auth/permissions.server";
import {
  agencyChoices,
  dashboard,
  type Count,
} from "~/domain/recommendations/dashboard.server";
import {
  filterOptions,
  filtersFrom,
} from "~/domain/recommendations/recommendations.server";

export const handle = { i18n: ["recommendations"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  const language = await languageOf(request);
  const [{ latestMeetingStart, ...options }, t] = await Promise.all([filterOptions(filters.meeting, language), fixedT(request)]);
  const figures = await dashboard(user, filters, { language, latestMeetingStart });
  const { agencies, capped } = agencyChoices(options.agencies, figures.matrix, filters.agency, url.searchParams.get("agencies") === "all");
  return { title: t("recommendations:dashboard.title"), figures, options: { ...options, agencies }, agenciesCapped: capped, filters };
}

export default function Dashboard() {
  const { figures, options, agenciesCapped, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["recommendations"]);
  const query = filterQuery({ ...filters, overdue: undefined });
  const byStatus = figures.byStatus.map((c) => ({ ...c, label: t(`common:recommendationStatus.${c.key}`) }));
  const byAgency = figures.byAgency.map((c) => (c.key === "others" ? { ...c, label: t("recommendations:dashboard.otherAgencies", { count: figures.matrix.find((r) => r.key === "others")?.others ?? 0 }) } : c));
  return (
    <>
      <PageHeader title={t("recommendations:dashboard.heading")}>
        <a
          href={`/recommendations/export${
            query ? `${query}&` : "?"
          }view=dashboard`}
        >
          {t("recommendations:dashboard.download")}
        </a>
        <Link to={`/recommendations/rate${query}`}>
          {t("recommendations:rate.heading")}
        </Link>
        <Link to={`/recommendations/summary${query}`}>{t("recommendations:dashboard.summary")}</Link>
        <Link to="/recommendations">{t("recommendations:dashboard.list")}</Link>
      </PageHeader>
      <RecommendationFilters
        options={options}
        values={{ ...filters, overdue: undefined }}
        search={false}
      />
      {agenciesCapped ? (
        <p>
          {t("recommendations:dashboard.agencyChoices", { count: options.agencies.length })}{" "}
          <Link to={`/recommendations/dashboard${query ? `${query}&` : "?"}agencies=all`}>{t("recommendations:dashboard.everyAgency")}</Link>
        </p>
      ) : null}
      <p role="status">
        {t("recommendations:dashboard.totals", { count: figures.total, overdue: figures.overdueCount })}
      </p>
      <div className="dashboard-grid">
        <Figure
          id="by-status"
          title={t("recommendations:dashboard.byStatus")}
          chartTitle={t("recommendations:dashboard.byStatusChart")}
          counts={byStatus}
          group={t("recommendations:column.status")}
        />
        <Figure
          id="by-agency"
          title={t("recommendations:dashboard.byAgency")}
          chartTitle={t("recommendations:dashboard.byAgencyChart")}
          counts={byAgency}
          group={t("recommendations:column.leadAgency")}
        />
      </div>
      <section aria-labelledby="matrix-h">
        <h2 id="matrix-h">{t("recommendations:dashboard.matrix")}</h2>
        <p>{t("recommendations:dashboard.matrixHint")}</p>
        {figures.matrix.length ? (
          <StatusMatrix
            rows={figures.matrix}
            filters={{ ...filters, overdue: undefined }}
          />
        ) : (
          <p>{t("recommendations:none")}</p>
        )}
      </section>
      <p>
        {t("recommendations:dashboard.rateIntro")}{" "}
        <Link to={`/recommendations/rate${query}`}>
          {t("recommendations:dashboard.rateLink")}
        </Link>
        .
      </p>
      <div className="dashboard-grid">
        <Figure
          id="by-theme"
          title={t("recommendations:dashboard.byTheme")}
          chartTitle={t("recommendations:dashboard.byThemeChart")}
          counts={figures.byTheme}
          group={t("recommendations:filter.theme")}
        />
        <Figure
          id="by-meeting"
          title={t("recommendations:dashboard.byMeeting")}
          chartTitle={t("recommendations:dashboard.byMeetingChart")}
          counts={figures.byMeeting}
          group={t("recommendations:dashboard.meeting")}
        >
          {figures.moreMeetings ? (
            <p>{t("recommendations:dashboard.moreMeetings", { count: figures.byMeeting.length })}</p>
          ) : null}
        </Figure>
      </div>
      <section aria-labelledby="overdue-h">
        <h2 id="overdue-h">{t("recommendations:dashboard.overdue")}</h2>
        {figures.overdue.length ? (
          <>
            {figures.overdueCount > figures.overdue.length ? (
              <p>
                {t("recommendations:dashboard.longestOverdue", { count: figures.overdue.length, total: figures.overdueCount })}{" "}
                <Link
                  to={`/recommendations${filterQuery({
                    ...filters,
                    overdue: true,
                  })}`}
                >
                  {t("recommendations:dashboard.allOverdue")}
                </Link>
              </p>
            ) : null}
            <RecommendationTable rows={figures.overdue} />
          </>
        ) : (
          <p>{t("recommendations:dashboard.nothingOverdue")}</p>
        )}
      </section>
    </>
  );
}

function Figure({
  id,
  title,
  chartTitle,
  counts,
  group,
  children,
}: {
  id: string;
  title: string;
  chartTitle: string;
  counts: Count[];
  group: string;
  children?: ReactNode;
}) {
  const { t, language } = useTranslation(["recommendations"]);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
      {counts.length ? (
        <>
          <BarChart
            id={id}
            title={chartTitle}
            desc={counts.map((c) => `${c.label}${t("recommendations:colon")}${formatNumber(language, c.count)}`).join("; ")}
            bars={counts.map((c) => ({ label: c.label, value: c.count }))}
          />
          <ChartData>
            <table className="numeric">
              <thead>
                <tr>
                  <th scope="col">{group}</th>
                  <th scope="col">{t("recommendations:dashboard.recommendations")}</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td>{formatNumber(language, c.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartData>
        </>
      ) : (
        <p>{t("recommendations:none")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
