import { readForm } from "~/utils/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader, StatusBadge } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { getMail, resendMail } from "~/domain/mail/log.server";
import { SubmitButton } from "~/components/submit-button";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["followups"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:log");
  const [message, t] = await Promise.all([getMail(params.id ?? ""), fixedT(request)]);
  return { title: t("followups:title.message"), message };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "mail:log");
  const form = await readForm(request);
  const id = params.id ?? "";
  const t = await fixedT(request);
  if (form.get("intent") !== "resend") return redirectWithToast(request, `/admin/mail/${id}`, t("followups:message.toast.nothing"));
  const result = await resendMail(actor, id);
  if (!result) return redirectWithToast(request, `/admin/mail/${id}`, t("followups:message.toast.onItsWay"));
  return result.mode === "requeued"
    ? redirectWithToast(request, `/admin/mail/${id}`, t("followups:message.toast.requeued"))
    : redirectWithToast(request, `/admin/mail/${result.id}`, t("followups:message.toast.copy"));
}

const utc = (d: string | Date | null) => (d ? `${new Date(d).toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

export default function MailMessage() {
  const { message: m } = useLoaderData<typeof loader>();
  const canResend = m.status === "FAILED" || m.status === "CANCELLED" || m.status === "SENT";
  const { t } = useTranslation(["followups"]);
  return (
    <>
      <PageHeader title={m.subject} />
      <p>
        <Link to="/admin/mail">{t("followups:message.back")}</Link>
        {m.meeting ? (
          <>
            {" · "}
            <Link to={`/admin/meetings/${m.meeting.id}/mail`}>{t("followups:message.meetingMail", { title: m.meeting.title })}</Link>
          </>
        ) : null}
      </p>
      <dl className="facts">
        <dt>{t("followups:message.to")}</dt>
        <dd>
          {m.toName} &lt;{m.toEmail}&gt; (<Link to={`/admin/mail?recipient=${encodeURIComponent(m.toEmail)}`}>{t("followups:message.allTo")}</Link>)
        </dd>
        <dt>{t("followups:message.kind")}</dt>
        <dd>
          {m.kind} ({m.essential ? t("followups:message.essential") : t("followups:message.nonEssential")})
        </dd>
        <dt>{t("followups:message.status")}</dt>
        <dd>
          <StatusBadge status={m.status} label={t(`followups:status.${m.status}`)} />
        </dd>
        <dt>{t("followups:message.attempts")}</dt>
        <dd>{m.attempts}</dd>
        <dt>{t("followups:message.smtp")}</dt>
        <dd>{m.smtpResponse ?? "—"}</dd>
        {m.lastError && m.lastError !== m.smtpResponse ? (
          <>
            <dt>{t("followups:message.lastError")}</dt>
            <dd>{m.lastError}</dd>
          </>
        ) : null}
        <dt>{t("followups:message.queued")}</dt>
        <dd>{utc(m.createdAt)}</dd>
        <dt>{m.status === "QUEUED" ? t("followups:message.nextAttempt") : t("followups:message.sent")}</dt>
        <dd>{m.status === "QUEUED" ? utc(m.nextAttemptAt) : utc(m.sentAt)}</dd>
        <dt>{t("followups:message.messageId")}</dt>
        <dd>
          <code>{m.messageId}</code>
        </dd>
        {m.icsMethod ? (
          <>
            <dt>{t("followups:message.calendar")}</dt>
            <dd>{t("followups:message.invite", { method: m.icsMethod })}</dd>
          </>
        ) : null}
      </dl>
      {canResend ? (
        <Form method="post">
          <p className="muted">{m.status === "SENT" ? t("followups:message.resendNew") : t("followups:message.resendSame")}</p>
          <SubmitButton name="intent" value="resend">
            {t("followups:message.resend")}
          </SubmitButton>
        </Form>
      ) : null}
      <h2>{t("followups:message.text")}</h2>
      <pre className="mail-text">{m.text}</pre>
      <h2>{t("followups:message.html")}</h2>
      <iframe title={t("followups:message.htmlFrame")} sandbox="" srcDoc={m.html} style={{ width: "100%", height: "28rem", border: "1px solid #c9ced6" }} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
