import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ConfirmButton, ConfirmStep, useConfirming } from "~/components/confirm";
import { StatusBadge, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { meetingById, registrationDetail, setAttendance } from "~/domain/registration/organiser.server";
import { cancelRegistration, decideRegistrations } from "~/domain/registration/registration.server";
import { ROLE_LABELS, STATUS_LABELS } from "~/domain/registration/registration.schema";
import { formatDateTime } from "~/utils/dates";
import { badRequest, readForm } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";
import { refusalMessages } from "~/utils/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const reg = await registrationDetail(actor, meeting.id, params.registrationId ?? "");
  return { meeting: { id: meeting.id, timeZone: meeting.timeZone, zone: meeting.timeZone }, reg };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const reg = await registrationDetail(actor, meeting.id, params.registrationId ?? "");
  const here = `/admin/meetings/${meeting.id}/registrations/${reg.id}`;
  const intent = (await readForm(request)).get("intent");
  if (intent === "approve" || intent === "decline") {
    const res = await decideRegistrations(actor, meeting.id, [reg.id], intent);
    return redirectWithToast(request, here, res.changed ? (intent === "approve" ? "Approved." : "Declined.") : "Nothing changed: the registration is not in a status that allows this.");
  }
  if (intent === "cancel") return redirect(`${here}?confirm=cancel`);
  if (intent === "confirm-cancel") {
    const res = await cancelRegistration(reg.id, actor.id, "Cancelled by the organisers");
    return redirectWithToast(request, here, res.ok ? "Cancelled." : refusalMessages(res).join(" "));
  }
  if (intent === "attend" || intent === "no-show" || intent === "undo") {
    const ok = await setAttendance(actor, meeting.id, reg.id, intent === "attend" ? "ATTENDED" : intent === "no-show" ? "NO_SHOW" : "NONE");
    return redirectWithToast(request, here, ok ? "Attendance saved." : "Only confirmed registrations have attendance.");
  }
  badRequest();
}

export default function RegistrationDetail() {
  const { meeting, reg } = useLoaderData<typeof loader>();
  const status = reg.status;
  const confirming = useConfirming("cancel") && ["PENDING", "CONFIRMED", "WAITLISTED"].includes(status);
  const when = (d: string | Date) => formatDateTime(d, meeting.timeZone, true);
  return (
    <>
      <h2>{reg.name}</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/registrations`}>Back to registrations</Link>
      </p>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={status} label={STATUS_LABELS[status]} />
          {status === "WAITLISTED" ? ` (rank ${reg.waitlistRank})` : null}
        </dd>
        <dt>Attendance</dt>
        <dd>{reg.attendance === "ATTENDED" ? `Attended${reg.checkedInAt ? `, checked in ${when(reg.checkedInAt)}` : ""}` : reg.attendance === "NO_SHOW" ? "No-show" : "—"}</dd>
        <dt>Email</dt>
        <dd>{reg.email}</dd>
        <dt>Agency</dt>
        <dd>{reg.agency?.name ?? "—"}</dd>
        <dt>Job title</dt>
        <dd>{reg.jobTitle || "—"}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[reg.role]}</dd>
        <dt>Dietary</dt>
        <dd>{reg.dietary || "—"}</dd>
        <dt>Accessibility</dt>
        <dd>{reg.accessibility || "—"}</dd>
        <dt>Privacy notice</dt>
        <dd>{reg.consentAt ? `Accepted ${when(reg.consentAt)} (version ${reg.consentNoticeVersion})` : "Not accepted by the person (registered on their behalf)"}</dd>
        <dt>Participant list</dt>
        <dd>{reg.listConsent ? "Agreed to appear" : "Does not appear"}</dd>
        <dt>Registered by</dt>
        <dd>{reg.registeredBy?.name ?? "Themselves"}</dd>
      </dl>
      {confirming ? (
        <ConfirmStep title={`Cancel the registration of ${reg.name}?`} intent="confirm-cancel" confirmLabel="Yes, cancel the registration" keepLabel="No, keep it">
          <p>This frees the seat for the waiting list and emails {reg.name} a cancellation. It cannot be undone.</p>
        </ConfirmStep>
      ) : null}
      <Form method="post" className="page-actions">
        {status === "PENDING" ? (
          <SubmitButton name="intent" value="approve">
            Approve
          </SubmitButton>
        ) : null}
        {["PENDING", "CONFIRMED", "WAITLISTED"].includes(status) ? (
          <>
            <SubmitButton name="intent" value="decline" className="secondary">
              Decline
            </SubmitButton>
          </>
        ) : null}
        {status === "CONFIRMED" ? (
          <>
            <SubmitButton name="intent" value="attend" className="secondary">
              Mark attended
            </SubmitButton>
            <SubmitButton name="intent" value="no-show" className="secondary">
              Mark no-show
            </SubmitButton>
          </>
        ) : null}
      </Form>
      {["PENDING", "CONFIRMED", "WAITLISTED"].includes(status) && !confirming ? (
        <ConfirmButton what="cancel" className="secondary">
          Cancel registration
        </ConfirmButton>
      ) : null}
      <h3>History</h3>
      <p className="muted">Times in {meeting.zone}.</p>
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Change</th>
            <th scope="col">Why</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {reg.events.map((e) => (
            <tr key={e.id}>
              <td>{when(e.createdAt)}</td>
              <td>
                {e.fromStatus ? `${STATUS_LABELS[e.fromStatus]} → ` : ""}
                {STATUS_LABELS[e.toStatus]}
              </td>
              <td>{e.reason}</td>
              <td>{e.by}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <h3>Mail</h3>
      {reg.outbox.length === 0 ? (
        <p>No mail.</p>
      ) : (
        <ul>
          {reg.outbox.map((m) => (
            <li key={m.id}>
              {when(m.createdAt)}: {m.subject} <span className="muted">({m.status.toLowerCase()})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Registration · Organise · Convene" }];
