import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { delegationMeetings } from "~/domain/registration/organiser.server";
import { formatRange } from "~/utils/dates";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "delegation:manage");
  const meetings = await delegationMeetings(actor);
  return { meetings: meetings.map((m) => ({ ...m, when: formatRange(m.startsAt, m.endsAt, m.timeZone) })) };
}

export default function Delegations() {
  const { meetings } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Your agency's delegations" />
      {meetings.length === 0 ? (
        <p>No upcoming meeting is open to your agency.</p>
      ) : (
        <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">When</th>
              <th scope="col">Your delegates</th>
              <th scope="col">Quota</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.slug}>
                <td>
                  <Link to={`/delegations/${m.slug}`}>{m.title}</Link>
                </td>
                <td>{m.when}</td>
                <td>{m.used}</td>
                <td>{m.quota ?? "No quota"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Delegations · Convene" }];
