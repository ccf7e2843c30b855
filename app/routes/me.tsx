import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ConfirmButton, ConfirmStep, useConfirmTarget } from "~/components/confirm";
import { PageHeader, StatusBadge, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { requireActor } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { cancelRegistration, findOwnRegistration, myRegistrations, resendLink } from "~/domain/registration/registration.server";
import { STATUS_LABELS } from "~/domain/registration/registration.schema";
import { formatRange } from "~/utils/dates";
import { badRequest, forbidden, readForm } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";
import { refusalMessages } from "~/utils/forms.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireActor(request);
  const rows = await myRegistrations(user);
  return {
    isFocalPoint: can(user, "delegation:manage"),
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      attendance: r.attendance,
      meeting: { slug: r.meeting.slug, title: r.meeting.title, when: formatRange(r.meeting.startsAt, r.meeting.endsAt, r.meeting.timeZone), upcoming: r.meeting.startsAt > new Date() },
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireActor(request);
  const form = await readForm(request);
  const reg = await findOwnRegistration(user, String(form.get("id") ?? ""));
  if (!reg) forbidden("That is not your registration.");
  const intent = form.get("intent");
  if (intent === "link") {
    await resendLink(reg.id);
    return redirectWithToast(request, "/me", "Your private link is on its way to your email address.");
  }
  if (intent === "cancel") return redirect(`/me?confirm=cancel&id=${encodeURIComponent(reg.id)}`);
  if (intent === "confirm-cancel") {
    if (reg.meeting.startsAt < new Date()) badRequest("The meeting has started.");
    const res = await cancelRegistration(reg.id, user.id, "Cancelled by the participant");
    return redirectWithToast(request, "/me", res.ok ? "Your registration is cancelled." : refusalMessages(res).join(" "));
  }
  badRequest();
}

export default function MyRegistrations() {
  const { rows, isFocalPoint } = useLoaderData<typeof loader>();
  const confirmId = useConfirmTarget("cancel");
  const confirming = rows.find((r) => r.id === confirmId && r.meeting.upcoming && ["CONFIRMED", "PENDING", "WAITLISTED"].includes(r.status));
  return (
    <>
      <PageHeader title="My registrations" />
      {isFocalPoint ? (
        <p>
          As your agency&apos;s focal point, you register and manage its delegates on <Link to="/delegations">your agency&apos;s delegations</Link>.
        </p>
      ) : null}
      {confirming ? (
        <ConfirmStep
          title={`Cancel your registration for ${confirming.meeting.title}?`}
          intent="confirm-cancel"
          fields={{ id: confirming.id }}
          confirmLabel="Yes, cancel my registration"
          keepLabel="No, keep my registration"
        >
          <p>This frees your seat: it goes to the next person on the waiting list. It cannot be undone.</p>
        </ConfirmStep>
      ) : null}
      {rows.length === 0 ? (
        <p>
          You have no registrations yet. <Link to="/meetings">Browse meetings</Link>.
        </p>
      ) : (
        <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/meetings/${r.meeting.slug}`}>{r.meeting.title}</Link>
                </td>
                <td>{r.meeting.when}</td>
                <td>
                  <StatusBadge status={r.status} label={STATUS_LABELS[r.status]} />
                  {r.attendance === "ATTENDED" ? " · attended" : null}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="id" value={r.id} />
                    <SubmitButton name="intent" value="link" className="secondary">
                      Email me my private link
                    </SubmitButton>
                  </Form>
                  {r.meeting.upcoming && ["CONFIRMED", "PENDING", "WAITLISTED"].includes(r.status) ? (
                    <ConfirmButton what="cancel" id={r.id} className="danger" label={`Cancel my registration for ${r.meeting.title}`}>
                      Cancel
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "My registrations · Convene" }];
