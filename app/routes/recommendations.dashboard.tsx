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
import { requireCapability } from "~/domain/auth/permissions.server";
import {
  dashboard,
  type Count,
} from "~/domain/recommendations/dashboard.server";
import {
  filterOptions,
  filtersFrom,
} from "~/domain/recommendations/recommendations.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const filters = filtersFrom(new URL(request.url));
  const [figures, options] = await Promise.all([
    dashboard(user, filters),
    filterOptions(filters.meeting),
  ]);
  return { figures, options, filters };
}

export default function Dashboard() {
  const { figures, options, filters } = useLoaderData<typeof loader>();
  const query = filterQuery({ ...filters, overdue: undefined });
  return (
    <>
      <PageHeader title="Recommendations dashboard">
        <a
          href={`/recommendations/export${
            query ? `${query}&` : "?"
          }view=dashboard`}
        >
          Download figures (CSV)
        </a>
        <Link to={`/recommendations/rate${query}`}>
          Implementation rate over time
        </Link>
        <Link to={`/recommendations/summary${query}`}>Printable summary</Link>
        <Link to="/recommendations">List</Link>
      </PageHeader>
      <RecommendationFilters
        options={options}
        values={{ ...filters, overdue: undefined }}
        search={false}
      />
      <p role="status">
        {figures.total} recommendation{figures.total === 1 ? "" : "s"},{" "}
        {figures.overdueCount} overdue.
      </p>
      <div className="dashboard-grid">
        <Figure
          id="by-status"
          title="By status"
          counts={figures.byStatus}
          group="Status"
        />
        <Figure
          id="by-agency"
          title="By lead agency"
          counts={figures.byAgency}
          group="Lead agency"
        />
      </div>
      <section aria-labelledby="matrix-h">
        <h2 id="matrix-h">Status by lead agency</h2>
        <p>Each number opens the list of those recommendations.</p>
        {figures.matrix.length ? (
          <StatusMatrix
            rows={figures.matrix}
            filters={{ ...filters, overdue: undefined }}
          />
        ) : (
          <p>None.</p>
        )}
      </section>
      <p>
        The implementation rate over time (a line by quarter, replayed from the
        status history) has its own page:{" "}
        <Link to={`/recommendations/rate${query}`}>
          implementation rate over time
        </Link>
        .
      </p>
      <div className="dashboard-grid">
        <Figure
          id="by-theme"
          title="By theme"
          counts={figures.byTheme}
          group="Theme"
        />
        <Figure
          id="by-meeting"
          title="By meeting where made"
          counts={figures.byMeeting}
          group="Meeting"
        >
          {figures.moreMeetings ? (
            <p>
              The {figures.byMeeting.length} latest meetings. Download the
              figures for every meeting, or open a meeting&apos;s
              Recommendations tab.
            </p>
          ) : null}
        </Figure>
      </div>
      <section aria-labelledby="overdue-h">
        <h2 id="overdue-h">Overdue</h2>
        {figures.overdue.length ? (
          <>
            {figures.overdueCount > figures.overdue.length ? (
              <p>
                The {figures.overdue.length} longest overdue of{" "}
                {figures.overdueCount}.{" "}
                <Link
                  to={`/recommendations${filterQuery({
                    ...filters,
                    overdue: true,
                  })}`}
                >
                  All overdue recommendations
                </Link>
              </p>
            ) : null}
            <RecommendationTable rows={figures.overdue} />
          </>
        ) : (
          <p>Nothing is overdue.</p>
        )}
      </section>
    </>
  );
}

function Figure({
  id,
  title,
  counts,
  group,
  children,
}: {
  id: string;
  title: string;
  counts: Count[];
  group: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
      {counts.length ? (
        <>
          <BarChart
            id={id}
            title={`Recommendations ${title.toLowerCase()}`}
            desc={counts.map((c) => `${c.label}: ${c.count}`).join("; ")}
            bars={counts.map((c) => ({ label: c.label, value: c.count }))}
          />
          <ChartData>
            <table className="numeric">
              <thead>
                <tr>
                  <th scope="col">{group}</th>
                  <th scope="col">Recommendations</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td>{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartData>
        </>
      ) : (
        <p>None.</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [
  { title: "Recommendations dashboard · Convene" },
];
