import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageHeader, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { assertCan, requireCapability } from "~/domain/auth/permissions.server";
import { filterOptions } from "~/domain/recommendations/recommendations.server";
import { agencyRecommendations, meetingRecommendations } from "~/domain/recommendations/reviews.server";
import { isOverdue, statusLabel, type Status } from "~/domain/recommendations/status";
import { db } from "~/utils/db.server";
import { formatRange, formatShortDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";

// Printable report for the next session: per meeting (made there and reviewed there) or per agency.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:view");
  const url = new URL(request.url);
  const meetingId = url.searchParams.get("meeting");
  const manager = can(user, "recommendations:manage");
  const agencyId = url.searchParams.get("agency") ?? (manager ? null : user.agencyId);
  const options = manager ? await filterOptions(meetingId ?? undefined) : null;
  if (meetingId) {
    assertCan(user, "recommendations:manage", undefined, "Meeting reports are prepared by the secretariat.");
    const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, title: true, startsAt: true, endsAt: true, timeZone: true, city: true } });
    if (!meeting) notFound("We could not find that meeting.");
    return { kind: "meeting" as const, meeting, ...(await meetingRecommendations(meeting.id)), options, agency: null, rows: [] };
  }
  if (agencyId) {
    assertCan(user, "recommendations:view", { agencyId }, "You can print the report of your own agency only.");
    const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true, acronym: true } });
    if (!agency) notFound("We could not find that agency.");
    return { kind: "agency" as const, agency, rows: await agencyRecommendations(agency.id), options, meeting: null, made: [], reviews: [] };
  }
  return { kind: "choose" as const, options, meeting: null, agency: null, made: [], reviews: [], rows: [] };
}

export default function Report() {
  const data = useLoaderData<typeof loader>();
  const printedOn = formatShortDate(new Date());
  return (
    <>
      <PageHeader title={data.kind === "meeting" ? `Recommendations: ${data.meeting!.title}` : data.kind === "agency" ? `Recommendations: ${data.agency!.name}` : "Printable reports"} />
      {data.options ? (
        <div className="no-print">
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="r-meeting">Report for a meeting</label>
              <select id="r-meeting" name="meeting" defaultValue={data.meeting?.id ?? ""}>
                {data.options.meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton method="get">Show meeting report</SubmitButton>
          </Form>
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="r-agency">Report for an agency</label>
              <select id="r-agency" name="agency" defaultValue={data.agency?.id ?? ""}>
                {data.options.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton method="get">Show agency report</SubmitButton>
          </Form>
        </div>
      ) : null}
      <p className="print-only">Printed from Convene on {printedOn}.</p>
      {data.kind === "meeting" ? (
        <>
          <p>{formatRange(data.meeting!.startsAt, data.meeting!.endsAt, data.meeting!.timeZone)}, {data.meeting!.city}</p>
          <h2>Made at this meeting ({data.made.length})</h2>
          <ReportTable rows={data.made.map((r) => ({ ...r, extra: r.updates[0]?.text ?? "" }))} extraLabel="Latest accepted update" />
          <h2>Reviewed at this meeting ({data.reviews.length})</h2>
          <ReportTable rows={data.reviews.map((v) => ({ ...v.recommendation, extra: v.outcome || (v.recommendation.updates[0]?.text ?? "") }))} extraLabel="Outcome or latest update" />
        </>
      ) : null}
      {data.kind === "agency" ? (
        <ReportTable rows={data.rows.map((r) => ({ ...r, extra: `${r.leadAgencyId === data.agency!.id ? "Lead" : "Support"}. ${r.updates[0]?.text ?? ""}` }))} extraLabel="Role and latest accepted update" />
      ) : null}
      {data.kind !== "choose" ? (
        <p className="no-print">
          Use your browser&apos;s print command: navigation and forms are left out of the printout.
        </p>
      ) : null}
    </>
  );
}

type Row = { id: string; code: string; title: string; status: Status; progress: number; dueDate: Date | null; leadAgency: { acronym: string }; meeting: { title: string; timeZone: string }; extra: string };

function ReportTable({ rows, extraLabel }: { rows: Row[]; extraLabel: string }) {
  if (!rows.length) return <p>None.</p>;
  return (
    <TableScroll>
    <table>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Recommendation</th>
          <th scope="col">Lead</th>
          <th scope="col">Status</th>
          <th scope="col">Due</th>
          <th scope="col">{extraLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.code}</td>
            <td>
              {r.title}
              <div className="muted">{r.meeting.title}</div>
            </td>
            <td>{r.leadAgency.acronym}</td>
            <td>
              {statusLabel(r.status)}, {r.progress} %
            </td>
            <td>
              {r.dueDate ? formatShortDate(r.dueDate, r.meeting.timeZone) : "—"}
              {isOverdue(r) ? " (overdue)" : ""}
            </td>
            <td>{r.extra}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

export const meta: MetaFunction = () => [{ title: "Recommendations report · Convene" }];
