import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useContentLang } from "~/components/content";
import { PageHeader } from "~/components/ui";
import { getDevMailboxMessage } from "~/domain/mail/devmailbox.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

// The message itself (subject, text, HTML, calendar file) is in its recipient's language: shown as sent,
// marked with `lang` (from its Content-Language, else its HTML's) when that is not the page's.
export const handle = { i18n: ["dev", "followups"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const message = await getDevMailboxMessage(params.id ?? "");
  const t = await fixedT(request);
  return { message, title: t("dev:message.title", { subject: message.subject }) };
}

/** Plain-text body with its links made clickable, so sign-in links can be followed from here. */
function LinkedText({ text, lang }: { text: string; lang?: string }) {
  const parts = text.split(/(https?:\/\/[^\s\]<>)]+)/g);
  return (
    <pre className="mail-text" lang={lang}>
      {parts.map((p, i) => (/^https?:\/\//.test(p) ? <a key={i} href={p}>{p}</a> : p))}
    </pre>
  );
}

export default function DevMailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["dev", "followups"]);
  const lang = useContentLang()(message.language ?? undefined);
  return (
    <>
      <PageHeader title={<span lang={lang}>{message.subject}</span>} />
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
      <LinkedText text={message.text} lang={lang} />
      <h2>{t("dev:message.html")}</h2>
      <iframe title={t("dev:message.htmlFrame")} sandbox="" srcDoc={message.html} style={{ width: "100%", height: "28rem", border: "1px solid #c9ced6" }} />
      {message.icsContent ? (
        <>
          <h2>{t("dev:message.calendar")}</h2>
          <pre lang={lang}>{message.icsContent}</pre>
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
