import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { FilterSelect, PageHeader, Pagination } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { AUDITED_ENTITIES } from "~/domain/audit/audit.server";
import { auditKindOptions } from "~/domain/audit/describe";
import { listAuditEntries } from "~/domain/meetings/history.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { SubmitButton } from "~/components/submit-button";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "audit:view");
  const url = new URL(request.url);
  const param = url.searchParams.get("entity") ?? "";
  const entity = AUDITED_ENTITIES.find((e) => e === param) ?? null;
  const page = pageFrom(url, 50);
  const { total, rows } = await listAuditEntries({ entity, page });
  return { kinds: auditKindOptions(), entity, entries: rows, page: page.page, pageCount: pageCount(total, 50) };
}

export default function AuditLogPage() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageHeader title="Audit log" />
      <Form method="get" className="filters">
        <FilterSelect name="entity" label="Kind of record" value={data.entity} anyLabel="Everything" options={data.kinds} />
        <SubmitButton method="get">Show</SubmitButton>
      </Form>
      <AuditTable entries={data.entries} caption="Every recorded change, newest first" />
      <Pagination page={data.page} pageCount={data.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log · Convene" }];
