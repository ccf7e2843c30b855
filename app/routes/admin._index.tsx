import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingStatusBadge } from "~/components/meeting-status";
import { PageHeader, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { requireCapability } from "~/domain/auth/permissions.server";
import { upcomingForDashboard } from "~/domain/meetings/meetings.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatRange } from "~/utils/dates";

export const handle = { i18n: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "meetings:view-admin");
  const t = await fixedT(request);
  return { meetings: await upcomingForDashboard(), organiser: can(user, "meetings:manage"), title: t("admin:dashboard.title") };
}

export default function Dashboard() {
  const { meetings, organiser } = useLoaderData<typeof loader>();
  const { t, language } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:dashboard.heading")}>
        {organiser ? (
          <Link className="button" to="/admin/meetings/new">
            {t("admin:meeting.create")}
          </Link>
        ) : null}
      </PageHeader>
      <nav aria-label={t("admin:dashboard.staffPages")}>
        <ul className="tabs">
          <li><Link to="/admin/meetings">{t("admin:dashboard.allMeetings")}</Link></li>
          <li><Link to="/admin/series">{t("admin:dashboard.series")}</Link></li>
          <li><Link to="/admin/agencies">{t("admin:dashboard.agencies")}</Link></li>
          <li><Link to="/admin/audit">{t("admin:dashboard.audit")}</Link></li>
        </ul>
      </nav>
      <h2>{t("admin:dashboard.upcoming")}</h2>
      {meetings.length ? (
        <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin:dashboard.column.meeting")}</th>
              <th scope="col">{t("admin:dashboard.column.when")}</th>
              <th scope="col">{t("admin:dashboard.column.status")}</th>
              <th scope="col">{t("admin:dashboard.column.confirmed")}</th>
              <th scope="col">{t("admin:dashboard.column.links")}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/admin/meetings/${m.id}`}>{m.title}</Link>
                </td>
                <td>{formatRange(m.startsAt, m.endsAt, m.timeZone, language)}</td>
                <td>
                  <MeetingStatusBadge status={m.status} />
                  {m.agendaPublishedAt ? null : <span className="muted"> · {t("admin:dashboard.agendaNotPublished")}</span>}
                </td>
                <td>
                  {m.confirmed}
                  {m.capacity ? ` / ${m.capacity}` : ""}
                </td>
                <td>
                  <Link to={`/admin/meetings/${m.id}/agenda`} aria-label={t("admin:dashboard.agendaOf", { title: m.title })}>{t("admin:tab.agenda")}</Link> ·{" "}
                  <Link to={`/admin/meetings/${m.id}/registrations`} aria-label={t("admin:dashboard.registrationsOf", { title: m.title })}>{t("admin:tab.registrations")}</Link> ·{" "}
                  <Link to={`/meetings/${m.slug}`} aria-label={t("admin:dashboard.publicPageOf", { title: m.title })}>{t("admin:publicPage")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : (
        <p>{t("admin:dashboard.none")}</p>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Organise · Convene" }];
