import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/domain/auth/permissions.server";
import { checkInList, meetingById } from "~/domain/registration/organiser.server";
import { formatRange } from "~/utils/dates";

/** Attendance sheet for signatures, printed from the browser (print.css hides the navigation). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const list = await checkInList(actor, meeting.id, "");
  return { meeting: { id: meeting.id, title: meeting.title, when: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone) }, rows: list.rows };
}

export default function AttendanceSheet() {
  const { meeting, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h2>Attendance sheet</h2>
      <p className="no-print">
        <Link to={`/admin/meetings/${meeting.id}/checkin`}>Back to check-in</Link> · Use your browser&apos;s Print command.
      </p>
      <p>
        {meeting.title} — {meeting.when}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Name</th>
            <th scope="col">Agency</th>
            <th scope="col">Present</th>
            <th scope="col">Signature</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td>{r.name}</td>
              <td>{r.agency?.name ?? ""}</td>
              <td>{r.attendance === "ATTENDED" ? "✓" : ""}</td>
              <td style={{ minWidth: "12rem" }} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Attendance sheet · Convene" }];
