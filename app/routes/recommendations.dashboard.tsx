import type { ReactNode } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { filterQuery, RecommendationFilters, RecommendationStatus, RecommendationCells } from "~/components/recommendation-ui";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { dashboard, type Count } from "~/domain/recommendations/dashboard.server";
import { filterOptions, filtersFrom } from "~/domain/recommendations/recommendations.server";
import { formatShortDate } from "~/utils/dates";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const filters = filtersFrom(new URL(request.url));
  const [figures, options] = await Promise.all([dashboard(user, filters), filterOptions()]);
  return { figures, options, filters };
}

export default function Dashboard() {
  const { figures, options, filters } = useLoaderData<typeof loader>();
  const query = filterQuery({ ...filters, overdue: undefined });
  return (
    <>
      <PageHeader title="Recommendations dashboard">
        <a href={`/recommendations/export${query ? `${query}&` : "?"}view=dashboard`}>Download figures (CSV)</a>
        <Link to="/recommendations">List</Link>
      </PageHeader>
      <RecommendationFilters options={options} values={{ ...filters, overdue: undefined }} search={false} />
      <p role="status">
        {figures.total} recommendation{figures.total === 1 ? "" : "s"}, {figures.overdueCount} overdue.
      </p>
      <Figure id="by-status" title="By status" counts={figures.byStatus} group="Status" />
      <Figure id="by-agency" title="By lead agency" counts={figures.byAgency} group="Lead agency" />
      <Figure id="by-theme" title="By theme" counts={figures.byTheme} group="Theme" />
      <Figure id="by-meeting" title="By meeting where made" counts={figures.byMeeting} group="Meeting">
        {figures.meetingCount > figures.byMeeting.length ? (
          <p>
            The {figures.byMeeting.length} latest of {figures.meetingCount} meetings. Choose a meeting in the filters, or download the figures, for the others.
          </p>
        ) : null}
      </Figure>
      <section aria-labelledby="rate-h">
        <h2 id="rate-h">Implementation rate over time</h2>
        {figures.rate.length ? (
          <>
            <BarChart
              id="rate"
              title="Implementation rate by quarter"
              desc="Share of adopted recommendations that were implemented at the end of each quarter, in per cent."
              bars={figures.rate.map((p) => ({ label: p.period, value: p.rate }))}
              unit=" %"
            />
            <table>
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
                {figures.rate.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.period}</th>
                    <td>{p.adopted}</td>
                    <td>{p.implemented}</td>
                    <td>{p.rate} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>No status history yet.</p>
        )}
      </section>

      <section aria-labelledby="overdue-h">
        <h2 id="overdue-h">Overdue</h2>
        {figures.overdue.length ? (
          <>
            {figures.overdueCount > figures.overdue.length ? (
              <p>
                The {figures.overdue.length} longest overdue of {figures.overdueCount}. <Link to={`/recommendations${filterQuery({ ...filters, overdue: true })}`}>All overdue recommendations</Link>
              </p>
            ) : null}
            <table>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Title</th>
                  <th scope="col">Lead agency</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {figures.overdue.map((r) => (
                  <tr key={r.id}>
                    <RecommendationCells r={r} />
                    <td>{r.dueDate ? formatShortDate(r.dueDate, r.meeting.timeZone) : ""}</td>
                    <td>
                      <RecommendationStatus status={r.status} /> {r.progress} %
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>Nothing is overdue.</p>
        )}
      </section>
    </>
  );
}

function Figure({ id, title, counts, group, children }: { id: string; title: string; counts: Count[]; group: string; children?: ReactNode }) {
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
          <table>
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
        </>
      ) : (
        <p>None.</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Recommendations dashboard · Convene" }];
