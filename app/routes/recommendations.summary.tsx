import type {
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RateLine } from "~/components/line-chart";
import { filterQuery } from "~/components/recommendation-ui";
import { StatusMatrix } from "~/components/status-matrix";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import {
  dashboard,
  implementationRate,
} from "~/domain/recommendations/dashboard.server";
import { filtersFrom } from "~/domain/recommendations/recommendations.server";
import { formatShortDate } from "~/utils/dates";

// The dashboard on one A4 page, for a meeting's documents: key figures, the status x agency matrix
// and the implementation rate line, with the dashboard's filters. Printed from the browser.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const filters = { ...filtersFrom(new URL(request.url)), overdue: false };
  const [figures, rate] = await Promise.all([
    dashboard(user, filters),
    implementationRate(user, filters),
  ]);
  const count = (s: string) =>
    figures.byStatus.find((c) => c.key === s)?.count ?? 0;
  return {
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
    printedOn: formatShortDate(new Date()),
  };
}

export default function Summary() {
  const { filters, matrix, rate, key, printedOn } =
    useLoaderData<typeof loader>();
  const values = { ...filters, overdue: undefined };
  const filtered = filterQuery(values) !== "";
  return (
    <div className="recommendations-summary">
      <PageHeader title="Recommendations: summary">
        <Link to={`/recommendations/dashboard${filterQuery(values)}`}>
          Dashboard
        </Link>
      </PageHeader>
      <p className="no-print">
        Use your browser&apos;s print command: this page fits one A4 page.
      </p>
      <p>
        {filtered
          ? "Recommendations matching the dashboard's filters"
          : "All recommendations"}
        , as on {printedOn}.
      </p>
      <dl className="key-figures">
        <div>
          <dt>Recommendations</dt>
          <dd>{key.total}</dd>
        </div>
        <div>
          <dt>Open (adopted or in progress)</dt>
          <dd>{key.open}</dd>
        </div>
        <div>
          <dt>Implemented</dt>
          <dd>{key.implemented}</dd>
        </div>
        <div>
          <dt>Overdue</dt>
          <dd>{key.overdue}</dd>
        </div>
        <div>
          <dt>Implementation rate{key.rate ? ` (${key.rate.period})` : ""}</dt>
          <dd>{key.rate ? `${key.rate.rate} %` : "—"}</dd>
        </div>
      </dl>
      <h2>Status by lead agency</h2>
      {matrix.length ? (
        <StatusMatrix rows={matrix} filters={values} links={false} />
      ) : (
        <p>None.</p>
      )}
      <h2>Implementation rate over time</h2>
      {rate.length ? <RateLine rate={rate} /> : <p>No status history yet.</p>}
    </div>
  );
}

export const meta: MetaFunction = () => [
  { title: "Summary · Recommendations · Convene" },
];
