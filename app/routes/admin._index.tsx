import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingStatusBadge } from "~/components/meetings";
import { PageHeader, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { requireCapability } from "~/domain/auth/permissions.server";
import { upcomingForDashboard } from "~/domain/meetings/meetings.server";
import { formatRange } from "~/utils/dates";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "meetings:view-admin");
  return { meetings: await upcomingForDashboard(), organiser: can(user, "meetings:manage") };
}

export default function Dashboard() {
  const { meetings, organiser } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Organise">
        {organiser ? (
          <Link className="button" to="/admin/meetings/new">
            Create a meeting
          </Link>
        ) : null}
      </PageHeader>
      <nav aria-label="Staff pages">
        <ul className="tabs">
          <li><Link to="/admin/meetings">All meetings</Link></li>
          <li><Link to="/admin/series">Series</Link></li>
          <li><Link to="/admin/agencies">Agencies</Link></li>
          <li><Link to="/admin/audit">Audit log</Link></li>
        </ul>
      </nav>
      <h2>Upcoming meetings</h2>
      {meetings.length ? (
        <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Quick links</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/admin/meetings/${m.id}`}>{m.title}</Link>
                </td>
                <td>{formatRange(m.startsAt, m.endsAt, m.timeZone)}</td>
                <td>
                  <MeetingStatusBadge status={m.status} />
                  {m.agendaPublishedAt ? null : <span className="muted"> · agenda not published</span>}
                </td>
                <td>
                  {m.confirmed}
                  {m.capacity ? ` / ${m.capacity}` : ""}
                </td>
                <td>
                  <Link to={`/admin/meetings/${m.id}/agenda`} aria-label={`Agenda of ${m.title}`}>Agenda</Link> ·{" "}
                  <Link to={`/admin/meetings/${m.id}/registrations`} aria-label={`Registrations of ${m.title}`}>Registrations</Link> ·{" "}
                  <Link to={`/meetings/${m.slug}`} aria-label={`Public page of ${m.title}`}>Public page</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : (
        <p>No upcoming meetings.</p>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Organise · Convene" }];
