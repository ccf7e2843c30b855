import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader, StatusBadge, TableScroll } from "~/components/ui";
import { listDevMailbox } from "~/domain/mail/devmailbox.server";
import { SubmitButton } from "~/components/submit-button";

export async function loader({ request }: LoaderFunctionArgs) {
  const to = new URL(request.url).searchParams.get("to")?.slice(0, 254) ?? "";
  return { to, messages: await listDevMailbox(to) };
}

export default function DevMailbox() {
  const { to, messages } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Development mailbox" />
      <p className="notice notice-warning">
        This is a demo (DEV_MAILBOX=on): Convene sends no mail and keeps every email here, where everyone can read it,
        sign-in links included. For real use, remove DEV_MAILBOX and set SMTP_URL; this page then disappears.
      </p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="to">Recipient contains</label>
          <input id="to" name="to" type="search" defaultValue={to} />
        </div>
        <SubmitButton method="get">Filter</SubmitButton>
      </Form>
      <TableScroll>
      <table>
        <caption className="muted">Newest 50 messages</caption>
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Created (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id}>
              <td>{m.toEmail}</td>
              <td>
                <Link to={`/dev/mailbox/${m.id}`}>{m.subject}</Link>
              </td>
              <td>
                <StatusBadge status={m.status} />
              </td>
              <td>{new Date(m.createdAt).toISOString().slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Development mailbox · Convene" }];
