import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { FilterSelect, PageHeader, Pagination } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { AUDIT_PAGE_SIZE, AUDITED_ENTITIES } from "~/domain/audit/audit.server";
import { auditKindOptions } from "~/domain/audit/describe";
import { listAuditEntries } from "~/domain/meetings/history.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { SubmitButton } from "~/components/submit-button";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "audit:view");
  const t = await fixedT(request);
  const url = new URL(request.url);
  const param = url.searchParams.get("entity") ?? "";
  const entity = AUDITED_ENTITIES.find((e) => e === param) ?? null;
  const page = pageFrom(url, AUDIT_PAGE_SIZE);
  const { total, rows } = await listAuditEntries({ entity, page }, t, await languageOf(request));
  return { title: t("admin:audit.title"), kinds: auditKindOptions(t), entity, entries: rows, page: page.page, pageCount: pageCount(total, AUDIT_PAGE_SIZE) };
}

export default function AuditLogPage() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:dashboard.audit")} />
      <Form method="get" className="filters">
        <FilterSelect name="entity" label={t("admin:audit.kindFilter")} value={data.entity} anyLabel={t("admin:audit.everything")} options={data.kinds} />
        <SubmitButton method="get">{t("admin:audit.show")}</SubmitButton>
      </Form>
      <AuditTable entries={data.entries} caption={t("admin:audit.caption")} />
      <Pagination page={data.page} pageCount={data.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Audit log · Convene" }];
