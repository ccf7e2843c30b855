import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { PageHeader, Pagination, TableScroll } from "~/components/ui";
import { searchAgencies } from "~/domain/agencies/agencies.server";
import { countryName } from "~/domain/agencies/countries";
import type { AgencyKind } from "~/generated/prisma/enums.ts";
import { requireCapability } from "~/domain/auth/permissions.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { SubmitButton } from "~/components/submit-button";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "agencies:manage");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = pageFrom(url);
  const { total, rows } = await searchAgencies(q, page);
  const t = await fixedT(request);
  return { q, agencies: rows, total, page: page.page, pageCount: pageCount(total), title: t("admin:agencies.title") };
}

export default function Agencies() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t, language } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:dashboard.agencies")}>
        <Link className="button" to="/admin/agencies/new">
          {t("admin:agencies.add")}
        </Link>
      </PageHeader>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("admin:agencies.search")}</label>
          <input id="q" name="q" type="search" defaultValue={data.q} />
        </div>
        <SubmitButton method="get">{t("admin:search")}</SubmitButton>
      </Form>
      <TableScroll>
      <table>
        <caption className="muted">{t("admin:agencies.count", { count: data.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin:series.name")}</th>
            <th scope="col">{t("admin:agencies.acronym")}</th>
            <th scope="col">{t("admin:agenda.kind")}</th>
            <th scope="col">{t("admin:agencies.country")}</th>
          </tr>
        </thead>
        <tbody>
          {data.agencies.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/admin/agencies/${a.id}`}>{a.name}</Link>
                {a.parent ? <span className="muted"> {t("admin:agencies.partOf", { parent: a.parent.acronym })}</span> : null}
              </td>
              <td>{a.acronym}</td>
              <td>{t(`admin:agencies.kind.${a.kind as AgencyKind}`)}</td>
              <td>{a.country ? countryName(a.country, language) : t("admin:agencies.international")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <Pagination page={data.page} pageCount={data.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Agencies · Convene" }];
