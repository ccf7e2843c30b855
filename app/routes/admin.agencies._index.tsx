import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { PageHeader, Pagination, TableScroll } from "~/components/ui";
import { searchAgencies } from "~/domain/agencies/agencies.server";
import { kindLabel } from "~/domain/agencies/agency.schema";
import { countryName } from "~/domain/agencies/countries";
import { requireCapability } from "~/domain/auth/permissions.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { SubmitButton } from "~/components/submit-button";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "agencies:manage");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = pageFrom(url);
  const { total, rows } = await searchAgencies(q, page);
  return { q, agencies: rows, total, page: page.page, pageCount: pageCount(total) };
}

export default function Agencies() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageHeader title="Agencies">
        <Link className="button" to="/admin/agencies/new">
          Add an agency
        </Link>
      </PageHeader>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">Name, acronym or country</label>
          <input id="q" name="q" type="search" defaultValue={data.q} />
        </div>
        <SubmitButton method="get">Search</SubmitButton>
      </Form>
      <TableScroll>
      <table>
        <caption className="muted">{data.total.toLocaleString("en")} agencies</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Acronym</th>
            <th scope="col">Kind</th>
            <th scope="col">Country</th>
          </tr>
        </thead>
        <tbody>
          {data.agencies.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/admin/agencies/${a.id}`}>{a.name}</Link>
                {a.parent ? <span className="muted"> (part of {a.parent.acronym})</span> : null}
              </td>
              <td>{a.acronym}</td>
              <td>{kindLabel(a.kind)}</td>
              <td>{a.country ? countryName(a.country) : "International"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <Pagination page={data.page} pageCount={data.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Agencies · Convene" }];
