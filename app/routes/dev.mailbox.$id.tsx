import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { getDevMailboxMessage } from "~/domain/mail/devmailbox.server";

export async function loader({ params }: LoaderFunctionArgs) {
  return { message: await getDevMailboxMessage(params.id ?? "") };
}

/** Plain-text body with its links made clickable, so sign-in links can be followed from here. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s\]<>)]+)/g);
  return (
    <pre className="mail-text">
      {parts.map((p, i) => (/^https?:\/\//.test(p) ? <a key={i} href={p}>{p}</a> : p))}
    </pre>
  );
}

export default function DevMailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={message.subject} />
      <p>
        <Link to="/dev/mailbox">Back to the mailbox</Link>
      </p>
      <dl className="facts">
        <dt>To</dt>
        <dd>
          {message.toName} &lt;{message.toEmail}&gt;
        </dd>
        <dt>Kind</dt>
        <dd>{message.kind}</dd>
        <dt>Status</dt>
        <dd>{message.status}</dd>
      </dl>
      <h2>Plain text</h2>
      <LinkedText text={message.text} />
      <h2>HTML</h2>
      <iframe title="HTML version of the email" sandbox="" srcDoc={message.html} style={{ width: "100%", height: "28rem", border: "1px solid #c9ced6" }} />
      {message.icsContent ? (
        <>
          <h2>Calendar attachment</h2>
          <pre>{message.icsContent}</pre>
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Message · Development mailbox · Convene" }];
