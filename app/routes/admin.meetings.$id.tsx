import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { MeetingStatusBadge } from "~/components/meetings";
import { requireCapability } from "~/domain/auth/permissions.server";
import { getMeetingHeader } from "~/domain/meetings/meetings.server";
import { formatRange } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

// Layout of a meeting's staff pages. Its check guards only this loader: every child route checks
// role and agency itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:view-admin");
  const meeting = await getMeetingHeader(params.id ?? "");
  if (!meeting) notFound("We could not find that meeting.");
  return { meeting };
}

const TABS = [
  ["", "Overview"],
  ["/agenda", "Agenda"],
  ["/documents", "Documents"],
  ["/translations", "Translations"],
  ["/registrations", "Registrations"],
  ["/checkin", "Check-in"],
  ["/recommendations", "Recommendations"],
  ["/mail", "Mail"],
  ["/summary", "Summary record"],
  ["/history", "History"],
] as const;

export default function MeetingAdminLayout() {
  const { meeting: m } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <h1>{m.title}</h1>
        <div className="page-actions">
          <Link to={`/meetings/${m.slug}`}>Public page</Link>
        </div>
      </header>
      <p>
        {formatRange(m.startsAt, m.endsAt, m.timeZone)} · <MeetingStatusBadge status={m.status} />
      </p>
      <nav aria-label="Meeting sections">
        <ul className="tabs">
          {TABS.map(([path, label]) => (
            <li key={label}>
              <NavLink to={`/admin/meetings/${m.id}${path}`} end>
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} · Organise · Convene` : "Meeting · Convene" }];
