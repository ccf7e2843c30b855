import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/domain/auth/permissions.server";
import { participantsByDelegation } from "~/domain/registration/badges.server";
import { meetingById } from "~/domain/registration/organiser.server";
import { ROLE_LABELS } from "~/domain/registration/labels";
import { formatRange } from "~/utils/dates";

/**
 * Participant list by delegation, head of delegation first, with a column for signatures: printed
 * from the browser (print.css hides the navigation) or downloaded as a PDF.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const groups = await participantsByDelegation(actor, meeting.id);
  return { meeting: { id: meeting.id, title: meeting.title, when: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone) }, groups };
}

export default function AttendanceSheet() {
  const { meeting, groups } = useLoaderData<typeof loader>();
  let n = 0;
  return (
    <>
      <h2>Participants by delegation</h2>
      <p className="no-print">
        <Link to={`/admin/meetings/${meeting.id}/checkin`}>Back to check-in</Link> · Use your browser&apos;s Print command, or{" "}
        <a href={`/admin/meetings/${meeting.id}/checkin/sheet.pdf`}>download it as a PDF</a>.
      </p>
      <p>
        {meeting.title} — {meeting.when}
      </p>
      {groups.length === 0 ? <p>No confirmed participants yet.</p> : null}
      {groups.map((g) => (
        <section key={g.agency?.id ?? ""} className="delegation-list">
          <h3>
            {g.agency ? (
              <>
                <abbr title={g.agency.name}>{g.agency.acronym}</abbr> — {g.agency.name}
              </>
            ) : (
              "No agency"
            )}{" "}
            <span className="muted">({g.people.length})</span>
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Present</th>
                <th scope="col">Signature</th>
              </tr>
            </thead>
            <tbody>
              {g.people.map((p) => (
                <tr key={p.id}>
                  <td>{++n}</td>
                  <td>
                    {p.head ? (
                      <>
                        <strong>{p.name}</strong>
                        <br />
                        <em>Head of delegation</em>
                      </>
                    ) : (
                      p.name
                    )}
                  </td>
                  <td>{[ROLE_LABELS[p.role], p.jobTitle].filter(Boolean).join(" · ")}</td>
                  <td>{p.attendance === "ATTENDED" ? "✓" : ""}</td>
                  <td style={{ minWidth: "12rem" }} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Participants by delegation · Convene" }];
