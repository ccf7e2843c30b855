import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { filterQuery, RecommendationFilters, RecommendationCells } from "~/components/recommendation-ui";
import { RecommendationStatus } from "~/components/recommendation-status";
import { PageHeader, Pagination, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { requireCapability } from "~/domain/auth/permissions.server";
import { filterOptions, filtersFrom, listRecommendations } from "~/domain/recommendations/recommendations.server";
import { PRIORITY_LABELS } from "~/domain/recommendations/status";
import { formatShortDate } from "~/utils/dates";
import { pageCount, pageFrom } from "~/utils/pagination";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:view");
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  const page = pageFrom(url);
  const [{ items, total }, options] = await Promise.all([listRecommendations(user, filters, page), filterOptions(filters.meeting)]);
  return { items, total, page: page.page, pages: pageCount(total), filters, options, canManage: can(user, "recommendations:manage") };
}

export default function RecommendationList() {
  const { items, total, page, pages, filters, options, canManage } = useLoaderData<typeof loader>();
  const location = useLocation();
  const query = filterQuery(filters);
  return (
    <>
      <PageHeader title="Recommendations">
        {canManage ? (
          <>
            <Link to="/recommendations/new">Record a recommendation</Link>
            <Link to="/recommendations/dashboard">Dashboard</Link>
            <Link to="/recommendations/queue">Progress updates to review</Link>
            <Link to="/recommendations/import">Import from CSV</Link>
          </>
        ) : null}
        <a href={`/recommendations/export${query}`}>Download CSV</a>
      </PageHeader>
      {!canManage ? <p>You see the recommendations your agency leads or supports.</p> : null}
      <RecommendationFilters options={options} values={filters} />
      <p role="status">
        {total} recommendation{total === 1 ? "" : "s"}
      </p>
      {items.length ? (
        <TableScroll>
        <table>
          <caption>Recommendations, page {page} of {pages}</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Title</th>
              <th scope="col">Lead agency</th>
              <th scope="col">Made at</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Priority</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <RecommendationCells r={r} />
                <td>{r.meeting.title}</td>
                <td>
                  <RecommendationStatus status={r.status} />
                </td>
                <td>{r.progress} %</td>
                <td>{PRIORITY_LABELS[r.priority]}</td>
                <td>
                  {r.dueDate ? formatShortDate(r.dueDate, r.meeting.timeZone) : "—"}
                  {r.overdue ? <strong> (overdue)</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : (
        <p>No recommendation matches these filters.</p>
      )}
      <Pagination page={page} pageCount={pages} search={location.search} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Recommendations · Convene" }];
