import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { MeetingList } from "~/components/meetings";
import { FilterSelect, Pagination } from "~/components/ui";
import { meetingListPage } from "~/domain/meetings/meetings.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { SubmitButton } from "~/components/submit-button";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const when = url.searchParams.get("when") === "past" ? "past" : "upcoming";
  const seriesSlug = url.searchParams.get("series")?.slice(0, 80) || null;
  const agencyId = url.searchParams.get("agency")?.slice(0, 40) || null;
  const page = pageFrom(url);
  const { total, meetings, series, agencies } = await meetingListPage({ when, seriesSlug, agencyId, page });
  return { when, seriesSlug, agencyId, meetings, page: page.page, pageCount: pageCount(total), total, series, agencies };
}

export default function Meetings() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const other = data.when === "past" ? "upcoming" : "past";
  const otherParams = new URLSearchParams(search);
  otherParams.set("when", other);
  otherParams.delete("page");
  return (
    <>
      <h1>{data.when === "past" ? "Past meetings" : "Upcoming meetings"}</h1>
      <p>
        <Link to={`?${otherParams.toString()}`}>{other === "past" ? "Show past meetings" : "Show upcoming meetings"}</Link>
      </p>
      <Form method="get" className="filters">
        <input type="hidden" name="when" value={data.when} />
        <FilterSelect name="series" label="Series" value={data.seriesSlug} anyLabel="All series" options={data.series} />
        <FilterSelect name="agency" label="Agency taking part" value={data.agencyId} anyLabel="All agencies" options={data.agencies} />
        <SubmitButton method="get">Filter</SubmitButton>
      </Form>
      <p className="muted">
        {data.total.toLocaleString("en")} {data.total === 1 ? "meeting" : "meetings"}
      </p>
      <MeetingList meetings={data.meetings} />
      <Pagination page={data.page} pageCount={data.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Meetings · Convene" }];
