import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { MeetingList } from "~/components/meetings";
import { FilterSelect, PageHeader, Pagination } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { listAdminMeetings } from "~/domain/meetings/meetings.server";
import { MEETING_STATUSES, STATUS_LABELS, isMeetingStatus } from "~/domain/meetings/status";
import { pageCount, pageFrom } from "~/utils/pagination";
import { SubmitButton } from "~/components/submit-button";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:view-admin");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const statusParam = url.searchParams.get("status") ?? "";
  const status = isMeetingStatus(statusParam) ? statusParam : null;
  const page = pageFrom(url);
  const { total, rows } = await listAdminMeetings({ q, status, page });
  return { q, status, meetings: rows, total, page: page.page, pageCount: pageCount(total) };
}

export default function AdminMeetings() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageHeader title="All meetings">
        <Link className="button" to="/admin/meetings/new">
          Create a meeting
        </Link>
      </PageHeader>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={data.q} />
        </div>
        <FilterSelect name="status" label="Status" value={data.status} anyLabel="Any status" options={MEETING_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <SubmitButton method="get">Search</SubmitButton>
      </Form>
      <p className="muted">{data.total.toLocaleString("en")} meetings</p>
      <MeetingList meetings={data.meetings} adminLinks />
      <Pagination page={data.page} pageCount={data.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "All meetings · Convene" }];
