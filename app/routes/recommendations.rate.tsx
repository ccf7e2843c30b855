import type {
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartData } from "~/components/chart-data";
import { quarterLabel, RateLine } from "~/components/line-chart";
import {
  filterQuery,
  RecommendationFilters,
} from "~/components/recommendation-ui";
import { PageHeader } from "~/components/ui";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { requireCapability } from "~/domain/auth/permissions.server";
import { implementationRate } from "~/domain/recommendations/dashboard.server";
import {
  filterOptions,
  filtersFrom,
} from "~/domain/recommendations/recommendations.server";

// The implementation rate by quarter, one click from the dashboard: it replays the whole status
// history, so the dashboard itself stays as quick with 60,000 recommendations as with 60.

export const handle = { i18n: ["recommendations"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const filters = { ...filtersFrom(new URL(request.url)), overdue: false };
  const [rate, { latestMeetingStart: _latest, ...options }, t] = await Promise.all([
    implementationRate(user, filters),
    filterOptions(filters.meeting, await languageOf(request)),
    fixedT(request),
  ]);
  return { title: t("recommendations:rate.title"), rate, options, filters };
}

export default function ImplementationRate() {
  const { rate, options, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["recommendations"]);
  const values = { ...filters, overdue: undefined };
  return (
    <>
      <PageHeader title={t("recommendations:rate.heading")}>
        <Link to={`/recommendations/dashboard${filterQuery(values)}`}>
          {t("recommendations:list.dashboard")}
        </Link>
        <Link to="/recommendations">{t("recommendations:dashboard.list")}</Link>
      </PageHeader>
      <RecommendationFilters options={options} values={values} search={false} />
      {rate.length ? (
        <>
          <RateLine rate={rate} />
          <ChartData>
            <table className="numeric">
              <caption>{t("recommendations:rate.chartTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("recommendations:rate.quarter")}</th>
                  <th scope="col">{t("recommendations:rate.adopted")}</th>
                  <th scope="col">{t("recommendations:rate.implemented")}</th>
                  <th scope="col">{t("recommendations:rate.rate")}</th>
                </tr>
              </thead>
              <tbody>
                {rate.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{quarterLabel(p.period, t)}</th>
                    <td>{p.adopted}</td>
                    <td>{p.implemented}</td>
                    <td>{p.rate} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartData>
        </>
      ) : (
        <p>{t("recommendations:rate.noHistory")}</p>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
