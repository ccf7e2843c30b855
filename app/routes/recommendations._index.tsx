import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { filterQuery, RecommendationFilters, RecommendationCells } from "~/components/recommendation-ui";
import { RecommendationStatus } from "~/components/recommendation-status";
import { PageHeader, Pagination, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { requireCapability } from "~/domain/auth/permissions.server";
import { filterOptions, filtersFrom, listRecommendations } from "~/domain/recommendations/recommendations.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatShortDate } from "~/utils/dates";
import { pageCount, pageFrom } from "~/utils/pagination";

export const handle = { i18n: ["recommendations"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:view");
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  const page = pageFrom(url);
  const language = await languageOf(request);
  const [{ latestMeetingStart, ...options }, t] = await Promise.all([filterOptions(filters.meeting, language), fixedT(request)]);
  const { items, total } = await listRecommendations(user, filters, page, language, latestMeetingStart);
  return { title: t("recommendations:list.title"), items, total, page: page.page, pages: pageCount(total), filters, options, canManage: can(user, "recommendations:manage") };
}

export default function RecommendationList() {
  const { items, total, page, pages, filters, options, canManage } = useLoaderData<typeof loader>();
  const { t, language } = useTranslation(["recommendations"]);
  const location = useLocation();
  const query = filterQuery(filters);
  return (
    <>
      <PageHeader title={t("recommendations:list.heading")}>
        {canManage ? (
          <>
            <Link to="/recommendations/new">{t("recommendations:list.new")}</Link>
            <Link to="/recommendations/dashboard">{t("recommendations:list.dashboard")}</Link>
            <Link to="/recommendations/queue">{t("recommendations:list.queue")}</Link>
            <Link to="/recommendations/import">{t("recommendations:list.import")}</Link>
            <Link to="/recommendations/themes">{t("recommendations:list.themes")}</Link>
          </>
        ) : null}
        <a href={`/recommendations/export${query}`}>{t("recommendations:list.download")}</a>
      </PageHeader>
      {!canManage ? <p>{t("recommendations:list.yourAgency")}</p> : null}
      <RecommendationFilters options={options} values={filters} />
      <p role="status">{t("recommendations:list.count", { count: total })}</p>
      {items.length ? (
        <TableScroll>
        <table>
          <caption>{t("recommendations:list.caption", { page, pages })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("recommendations:column.code")}</th>
              <th scope="col">{t("recommendations:column.title")}</th>
              <th scope="col">{t("recommendations:column.leadAgency")}</th>
              <th scope="col">{t("recommendations:column.madeAt")}</th>
              <th scope="col">{t("recommendations:column.status")}</th>
              <th scope="col">{t("recommendations:column.progress")}</th>
              <th scope="col">{t("recommendations:column.priority")}</th>
              <th scope="col">{t("recommendations:column.due")}</th>
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
                <td>{t(`common:priority.${r.priority}`)}</td>
                <td>
                  {r.dueDate ? formatShortDate(r.dueDate, r.meeting.timeZone, language) : "—"}
                  {r.overdue ? <strong> {t("recommendations:overdueMark")}</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : (
        <p>{t("recommendations:list.empty")}</p>
      )}
      <Pagination page={page} pageCount={pages} search={location.search} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
