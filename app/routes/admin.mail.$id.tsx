import { readForm } from "~/utils/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader, StatusBadge } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { getMail, resendMail } from "~/domain/mail/log.server";
import { SubmitButton } from "~/components/submit-button";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:log");
  return { message: await getMail(params.id ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "mail:log");
  const form = await readForm(request);
  const id = params.id ?? "";
  if (form.get("intent") !== "resend") return redirectWithToast(request, `/admin/mail/${id}`, "Nothing to do.");
  const result = await resendMail(actor, id);
  if (!result) return redirectWithToast(request, `/admin/mail/${id}`, "This message is already on its way; nothing was changed.");
  return result.mode === "requeued"
    ? redirectWithToast(request, `/admin/mail/${id}`, "The message is back in the queue and will be sent again shortly.")
    : redirectWithToast(request, `/admin/mail/${result.id}`, "A new copy of the message is queued.");
}

const utc = (d: string | Date | null) => (d ? `${new Date(d).toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

export default function MailMessage() {
  const { message: m } = useLoaderData<typeof loader>();
  const canResend = m.status === "FAILED" || m.status === "CANCELLED" || m.status === "SENT";
  return (
    <>
      <PageHeader title={m.subject} />
      <p>
        <Link to="/admin/mail">Back to the mail log</Link>
        {m.meeting ? (
          <>
            {" · "}
            <Link to={`/admin/meetings/${m.meeting.id}/mail`}>Mail of {m.meeting.title}</Link>
          </>
        ) : null}
      </p>
      <dl className="facts">
        <dt>To</dt>
        <dd>
          {m.toName} &lt;{m.toEmail}&gt; (<Link to={`/admin/mail?recipient=${encodeURIComponent(m.toEmail)}`}>all mail to this address</Link>)
        </dd>
        <dt>Kind</dt>
        <dd>
          {m.kind} ({m.essential ? "essential" : "non-essential, with unsubscribe link"})
        </dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={m.status} />
        </dd>
        <dt>Attempts</dt>
        <dd>{m.attempts}</dd>
        <dt>SMTP answer</dt>
        <dd>{m.smtpResponse ?? "—"}</dd>
        {m.lastError && m.lastError !== m.smtpResponse ? (
          <>
            <dt>Last error</dt>
            <dd>{m.lastError}</dd>
          </>
        ) : null}
        <dt>Queued</dt>
        <dd>{utc(m.createdAt)}</dd>
        <dt>{m.status === "QUEUED" ? "Next attempt" : "Sent"}</dt>
        <dd>{m.status === "QUEUED" ? utc(m.nextAttemptAt) : utc(m.sentAt)}</dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{m.messageId}</code>
        </dd>
        {m.icsMethod ? (
          <>
            <dt>Calendar</dt>
            <dd>invite, METHOD:{m.icsMethod}</dd>
          </>
        ) : null}
      </dl>
      {canResend ? (
        <Form method="post">
          <p className="muted">
            {m.status === "SENT"
              ? "Sending again queues a new copy with its own Message-ID."
              : "Sending again puts this message back in the queue with the same Message-ID."}
          </p>
          <SubmitButton name="intent" value="resend">
            Send again
          </SubmitButton>
        </Form>
      ) : null}
      <h2>Plain text</h2>
      <pre className="mail-text">{m.text}</pre>
      <h2>HTML</h2>
      <iframe title="HTML version of the email" sandbox="" srcDoc={m.html} style={{ width: "100%", height: "28rem", border: "1px solid #c9ced6" }} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Message · Mail log · Convene" }];
