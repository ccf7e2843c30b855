import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader, StatusBadge, TableScroll } from "~/components/ui";
import { listDevMailbox } from "~/domain/mail/devmailbox.server";
import { SubmitButton } from "~/components/submit-button";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

// Outbox statuses are the mail log's labels (followups:status.*).
export const handle = { i18n: ["dev", "followups"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const to = new URL(request.url).searchParams.get("to")?.slice(0, 254) ?? "";
  const messages = await listDevMailbox(to);
  const t = await fixedT(request);
  return { to, messages, title: t("dev:mailbox.title") };
}

export default function DevMailbox() {
  const { to, messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["dev", "followups"]);
  return (
    <>
      <PageHeader title={t("dev:mailbox.heading")} />
      <p className="notice notice-warning">{t("dev:mailbox.warning")}</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="to">{t("dev:mailbox.recipientContains")}</label>
          <input id="to" name="to" type="search" defaultValue={to} />
        </div>
        <SubmitButton method="get">{t("dev:mailbox.filter")}</SubmitButton>
      </Form>
      <TableScroll>
      <table>
        <caption className="muted">{t("dev:mailbox.newest")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dev:mailbox.column.to")}</th>
            <th scope="col">{t("dev:mailbox.column.subject")}</th>
            <th scope="col">{t("dev:mailbox.column.status")}</th>
            <th scope="col">{t("dev:mailbox.column.created")}</th>
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
                <StatusBadge status={m.status} label={t(`followups:status.${m.status}`)} />
              </td>
              <td>{new Date(m.createdAt).toISOString().slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {messages.length === 0 ? <p>{t("dev:mailbox.empty")}</p> : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
