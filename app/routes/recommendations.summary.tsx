import type {
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { quarterLabel, RateLine } from "~/components/line-chart";
import { filterQuery } from "~/components/recommendation-ui";
import { StatusMatrix } from "~/components/status-matrix";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import {
  dashboard,
  implementationRate,
} from "~/domain/recommendations/dashboard.server";
import { filtersFrom } from "~/domain/recommendations/recommendations.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatNumber } from "~/i18n/translate";
import { formatShortDate } from "~/utils/dates";

// The dashboard on one A4 page, for a meeting's documents: key figures, the status x agency matrix
// and the implementation rate line, with the dashboard's filters. Printed from the browser.

export const handle = { i18n: ["recommendations"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const filters = { ...filtersFrom(new URL(request.url)), overdue: false };
  const [figures, rate, t] = await Promise.all([
    dashboard(user, filters),
    implementationRate(user, filters),
    fixedT(request),
  ]);
  const count = (s: string) =>
    figures.byStatus.find((c) => c.key === s)?.count ?? 0;
  return {
    title: t("recommendations:summary.title"),
    filters,
    matrix: figures.matrix,
    rate,
    key: {
      total: figures.total,
      open: count("ADOPTED") + count("IN_PROGRESS"),
      implemented: count("IMPLEMENTED"),
      overdue: figures.overdueCount,
      rate: rate.length ? rate[rate.length - 1] : null,
    },
    printedOn: new Date().toISOString(),
  };
}

export default function Summary() {
  const { filters, matrix, rate, key, printedOn } =
    useLoaderData<typeof loader>();
  const { t, language } = useTranslation(["recommendations"]);
  const values = { ...filters, overdue: undefined };
  const filtered = filterQuery(values) !== "";
  const date = formatShortDate(printedOn, "UTC", language);
  return (
    <div className="recommendations-summary">
      <PageHeader title={t("recommendations:summary.heading")}>
        <Link to={`/recommendations/dashboard${filterQuery(values)}`}>
          {t("recommendations:list.dashboard")}
        </Link>
      </PageHeader>
      <p className="no-print">{t("recommendations:summary.printHint")}</p>
      <p>{filtered ? t("recommendations:summary.filtered", { date }) : t("recommendations:summary.all", { date })}</p>
      <dl className="key-figures">
        <div>
          <dt>{t("recommendations:dashboard.recommendations")}</dt>
          <dd>{formatNumber(language, key.total)}</dd>
        </div>
        <div>
          <dt>{t("recommendations:summary.open")}</dt>
          <dd>{formatNumber(language, key.open)}</dd>
        </div>
        <div>
          <dt>{t("recommendations:rate.implemented")}</dt>
          <dd>{formatNumber(language, key.implemented)}</dd>
        </div>
        <div>
          <dt>{t("recommendations:dashboard.overdue")}</dt>
          <dd>{formatNumber(language, key.overdue)}</dd>
        </div>
        <div>
          <dt>
            {t("recommendations:summary.rate")}
            {key.rate ? ` (${quarterLabel(key.rate.period, t)})` : ""}
          </dt>
          <dd>{key.rate ? `${key.rate.rate} %` : "—"}</dd>
        </div>
      </dl>
      <h2>{t("recommendations:dashboard.matrix")}</h2>
      {matrix.length ? (
        <StatusMatrix rows={matrix} filters={values} links={false} />
      ) : (
        <p>{t("recommendations:none")}</p>
      )}
      <h2>{t("recommendations:rate.heading")}</h2>
      {rate.length ? <RateLine rate={rate} /> : <p>{t("recommendations:rate.noHistory")}</p>}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
