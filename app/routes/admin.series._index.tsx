import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { listSeries } from "~/domain/series/series.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "series:manage");
  return { series: await listSeries() };
}

export default function AdminSeries() {
  const { series } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Series">
        <Link className="button" to="/admin/series/new">
          Create a series
        </Link>
      </PageHeader>
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Sessions</th>
            <th scope="col">Members</th>
            <th scope="col">Public page</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/admin/series/${s.id}`}>{s.name}</Link>
              </td>
              <td>{s._count.meetings}</td>
              <td>{s._count.members}</td>
              <td>
                <Link to={`/series/${s.slug}`} aria-label={`Public page of ${s.name}`}>/series/{s.slug}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Series · Convene" }];
