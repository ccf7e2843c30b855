import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { listSeries } from "~/domain/series/series.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "series:manage");
  const t = await fixedT(request);
  return { series: await listSeries(), title: t("admin:series.title") };
}

export default function AdminSeries() {
  const { series } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:dashboard.series")}>
        <Link className="button" to="/admin/series/new">
          {t("admin:series.create")}
        </Link>
      </PageHeader>
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin:series.name")}</th>
            <th scope="col">{t("admin:series.sessions")}</th>
            <th scope="col">{t("admin:series.members")}</th>
            <th scope="col">{t("admin:publicPage")}</th>
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
                <Link to={`/series/${s.slug}`} aria-label={t("admin:dashboard.publicPageOf", { title: s.name })}>/series/{s.slug}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Series · Convene" }];
