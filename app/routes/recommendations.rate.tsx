import type {
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartData } from "~/components/chart-data";
import { RateLine } from "~/components/line-chart";
import {
  filterQuery,
  RecommendationFilters,
} from "~/components/recommendation-ui";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { implementationRate } from "~/domain/recommendations/dashboard.server";
import {
  filterOptions,
  filtersFrom,
} from "~/domain/recommendations/recommendations.server";

// The implementation rate by quarter, one click from the dashboard: it replays the whole status
// history, so the dashboard itself stays as quick with 60,000 recommendations as with 60.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const filters = { ...filtersFrom(new URL(request.url)), overdue: false };
  const [rate, options] = await Promise.all([
    implementationRate(user, filters),
    filterOptions(filters.meeting),
  ]);
  return { rate, options, filters };
}

export default function ImplementationRate() {
  const { rate, options, filters } = useLoaderData<typeof loader>();
  const values = { ...filters, overdue: undefined };
  return (
    <>
      <PageHeader title="Implementation rate over time">
        <Link to={`/recommendations/dashboard${filterQuery(values)}`}>
          Dashboard
        </Link>
        <Link to="/recommendations">List</Link>
      </PageHeader>
      <RecommendationFilters options={options} values={values} search={false} />
      {rate.length ? (
        <>
          <RateLine rate={rate} />
          <ChartData>
            <table className="numeric">
              <caption>Implementation rate by quarter</caption>
              <thead>
                <tr>
                  <th scope="col">Quarter</th>
                  <th scope="col">Adopted by then</th>
                  <th scope="col">Implemented</th>
                  <th scope="col">Rate</th>
                </tr>
              </thead>
              <tbody>
                {rate.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.period}</th>
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
        <p>No status history yet.</p>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [
  { title: "Implementation rate · Recommendations · Convene" },
];
