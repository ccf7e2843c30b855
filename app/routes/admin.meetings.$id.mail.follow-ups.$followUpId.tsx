import { readForm } from "~/utils/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { StatusBadge } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { AUDIENCE_LABELS } from "~/domain/mail/followup.schema";
import {
  discardFollowUp,
  followUpIsDone,
  getFollowUp,
  getMailMeeting,
  retryFailedFollowUp,
  sendFollowUp,
} from "~/domain/mail/followups.server";
import { formatDateTime, zoneLabel } from "~/utils/dates";
import { SubmitButton } from "~/components/submit-button";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:followups");
  const meeting = await getMailMeeting(params.id ?? "");
  const agencyId = new URL(request.url).searchParams.get("agency")?.slice(0, 40) || null;
  const followUp = await getFollowUp(meeting.id, params.followUpId ?? "", agencyId);
  return { meeting, followUp, agencyId, inProgress: followUp.status === "QUEUED" && !followUpIsDone(followUp.progress) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "mail:followups");
  const meeting = await getMailMeeting(params.id ?? "");
  const followUpId = params.followUpId ?? "";
  const here = `/admin/meetings/${meeting.id}/mail/follow-ups/${followUpId}`;
  const intent = (await readForm(request)).get("intent");
  if (intent === "send") {
    const count = await sendFollowUp(actor, meeting.id, followUpId);
    return redirectWithToast(request, here, count === null ? "This follow-up was already sent." : `Sending the follow-up to ${count} recipients.`);
  }
  if (intent === "discard") {
    const discarded = await discardFollowUp(actor, meeting.id, followUpId);
    return discarded
      ? redirectWithToast(request, `/admin/meetings/${meeting.id}/mail`, "Draft discarded.")
      : redirectWithToast(request, here, "A follow-up that was sent cannot be discarded.");
  }
  if (intent === "retry-failed") {
    const count = await retryFailedFollowUp(actor, meeting.id, followUpId);
    return redirectWithToast(request, here, count ? `${count} failed messages are back in the queue.` : "No failed messages to send again.");
  }
  return redirectWithToast(request, here, "Nothing to do.");
}

export default function FollowUpPage() {
  const { meeting, followUp: f, agencyId, inProgress } = useLoaderData<typeof loader>();
  const p = f.progress;
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!inProgress) return;
    const t = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(t);
  }, [inProgress, revalidator]);
  const recipients = f.recipients;
  return (
    <section aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">Follow-up: {f.subject}</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/mail`}>Back to the mail of {meeting.title}</Link>
      </p>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={f.status} />
        </dd>
        <dt>Recipients</dt>
        <dd>
          {AUDIENCE_LABELS[recipients.audience]}: {p.total} {p.total === 1 ? "person" : "people"}
        </dd>
        <dt>Written by</dt>
        <dd>{f.createdBy?.name ?? "—"}</dd>
        {f.nextSessionAt ? (
          <>
            <dt>Next session</dt>
            <dd>
              {formatDateTime(f.nextSessionAt, meeting.timeZone)} {zoneLabel(meeting.timeZone, f.nextSessionAt)}
            </dd>
          </>
        ) : null}
      </dl>
      {f.status === "DRAFT" ? (
        <Form method="post" className="page-actions">
          <SubmitButton name="intent" value="send">
            Send to {p.total} recipients
          </SubmitButton>
          <SubmitButton name="intent" value="discard" className="link-button">
            Discard draft
          </SubmitButton>
        </Form>
      ) : (
        <section aria-labelledby="progress-heading">
          <h3 id="progress-heading">Delivery</h3>
          <p role="status">
            {inProgress ? "Sending… " : "Done. "}
            Sent {p.SENT} of {p.total}; queued {p.QUEUED + p.SENDING}; failed {p.FAILED}; not sent (unsubscribed) {p.CANCELLED}.
          </p>
          <progress max={p.total} value={p.SENT + p.FAILED + p.CANCELLED} aria-label="Follow-up delivery progress" />
          <p>
            {inProgress ? <Link to=".">Refresh</Link> : null}
            {p.FAILED ? (
              <>
                {" "}
                <Link to={`/admin/meetings/${meeting.id}/mail?status=FAILED&kind=follow-up`}>See the failed messages and the mail server&apos;s answers</Link>
              </>
            ) : null}
          </p>
          {p.FAILED && !inProgress ? (
            <Form method="post">
              <SubmitButton name="intent" value="retry-failed">
                Send the {p.FAILED} failed messages again
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      )}
      <h3>What recipients get</h3>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="preview-agency">Copy of</label>
          <select id="preview-agency" name="agency" defaultValue={agencyId ?? ""}>
            <option value="">Any recipient</option>
            {f.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton method="get">Show</SubmitButton>
      </Form>
      {f.sample ? (
        <>
          <p className="muted">
            The copy sent to {f.sample.toEmail}
            {f.sample.registration?.agency ? ` (${f.sample.registration.agency.name})` : ""}.
          </p>
          <iframe title="The follow-up email as sent" sandbox="" srcDoc={f.sample.html} style={{ width: "100%", height: "32rem", border: "1px solid #c9ced6" }} />
        </>
      ) : (
        <p>No recipient of that agency.</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Follow-up · Convene" }];
