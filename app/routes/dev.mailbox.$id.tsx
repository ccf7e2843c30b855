import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { getDevMailboxMessage } from "~/domain/mail/devmailbox.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

// The message itself (subject, text, HTML, calendar file) is in its recipient's language, which the outbox
// does not record: it is shown as sent, without a lang attribute of its own.
export const handle = { i18n: ["dev", "followups"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const message = await getDevMailboxMessage(params.id ?? "");
  const t = await fixedT(request);
  return { message, title: t("dev:message.title", { subject: message.subject }) };
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
  const { t } = useTranslation(["dev", "followups"]);
  return (
    <>
      <PageHeader title={message.subject} />
      <p>
        <Link to="/dev/mailbox">{t("dev:message.back")}</Link>
      </p>
      <dl className="facts">
        <dt>{t("dev:message.to")}</dt>
        <dd>
          {message.toName} &lt;{message.toEmail}&gt;
        </dd>
        <dt>{t("dev:message.kind")}</dt>
        <dd>{message.kind}</dd>
        <dt>{t("dev:message.status")}</dt>
        <dd>{t(`followups:status.${message.status}`)}</dd>
      </dl>
      <h2>{t("dev:message.plainText")}</h2>
      <LinkedText text={message.text} />
      <h2>{t("dev:message.html")}</h2>
      <iframe title={t("dev:message.htmlFrame")} sandbox="" srcDoc={message.html} style={{ width: "100%", height: "28rem", border: "1px solid #c9ced6" }} />
      {message.icsContent ? (
        <>
          <h2>{t("dev:message.calendar")}</h2>
          <pre>{message.icsContent}</pre>
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
