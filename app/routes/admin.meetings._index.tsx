import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { MeetingList } from "~/components/meetings";
import { FilterSelect, PageHeader, Pagination } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { listAdminMeetings } from "~/domain/meetings/meetings.server";
import { MEETING_STATUSES, isMeetingStatus } from "~/domain/meetings/status";
import { pageCount, pageFrom } from "~/utils/pagination";
import { SubmitButton } from "~/components/submit-button";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:view-admin");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const statusParam = url.searchParams.get("status") ?? "";
  const status = isMeetingStatus(statusParam) ? statusParam : null;
  const page = pageFrom(url);
  const { total, rows } = await listAdminMeetings({ q, status, page, language: await languageOf(request) });
  const t = await fixedT(request);
  return { q, status, meetings: rows, total, page: page.page, pageCount: pageCount(total), title: t("admin:meetings.title") };
}

export default function AdminMeetings() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:dashboard.allMeetings")}>
        <Link className="button" to="/admin/meetings/new">
          {t("admin:meeting.create")}
        </Link>
      </PageHeader>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="q">{t("admin:search")}</label>
          <input id="q" name="q" type="search" defaultValue={data.q} />
        </div>
        <FilterSelect name="status" label={t("admin:dashboard.column.status")} value={data.status} anyLabel={t("admin:meetings.anyStatus")} options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`common:status.${s}`) }))} />
        <SubmitButton method="get">{t("admin:search")}</SubmitButton>
      </Form>
      <p className="muted">{t("admin:meetings.count", { count: data.total })}</p>
      <MeetingList meetings={data.meetings} adminLinks />
      <Pagination page={data.page} pageCount={data.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "All meetings · Convene" }];
