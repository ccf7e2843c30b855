import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { MeetingList } from "~/components/meetings";
import { FilterSelect, Pagination } from "~/components/ui";
import { meetingListPage } from "~/domain/meetings/meetings.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { SubmitButton } from "~/components/submit-button";

export const handle = { i18n: ["meetings"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const when = url.searchParams.get("when") === "past" ? "past" : "upcoming";
  const seriesSlug = url.searchParams.get("series")?.slice(0, 80) || null;
  const agency = url.searchParams.get("agency")?.trim().slice(0, 80) || null;
  const page = pageFrom(url);
  const [{ total, meetings, series }, t] = await Promise.all([
    meetingListPage({ when, seriesSlug, agency, page, language: await languageOf(request, context) }),
    fixedT(request, context),
  ]);
  return { title: t("meetings:title"), when, seriesSlug, agency, meetings, page: page.page, pageCount: pageCount(total), total, series };
}

export default function Meetings() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation(["meetings", "common"]);
  const { search } = useLocation();
  const other = data.when === "past" ? "upcoming" : "past";
  const otherParams = new URLSearchParams(search);
  otherParams.set("when", other);
  otherParams.delete("page");
  return (
    <>
      <h1>{data.when === "past" ? t("meetings:heading.past") : t("meetings:heading.upcoming")}</h1>
      <p>
        <Link to={`?${otherParams.toString()}`}>{other === "past" ? t("meetings:show.past") : t("meetings:show.upcoming")}</Link>
      </p>
      <Form method="get" className="filters">
        <input type="hidden" name="when" value={data.when} />
        <FilterSelect name="series" label={t("meetings:filter.series")} value={data.seriesSlug} anyLabel={t("meetings:filter.allSeries")} options={data.series} />
        {/* A search, not a list of every agency: there may be hundreds (their options were most of the page). */}
        <div className="field">
          <label htmlFor="f-agency">{t("meetings:filter.agency")}</label>
          <input id="f-agency" type="search" name="agency" defaultValue={data.agency ?? ""} placeholder={t("meetings:filter.agencyPlaceholder")} />
        </div>
        <SubmitButton method="get" busyLabel={t("common:busy")}>
          {t("meetings:filter.submit")}
        </SubmitButton>
      </Form>
      <p className="muted">{t("meetings:count", { count: data.total })}</p>
      <MeetingList meetings={data.meetings} />
      <Pagination page={data.page} pageCount={data.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
