import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { CheckboxField, FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { ConfirmButton, ConfirmStep, useConfirming } from "~/components/confirm";
import { Notice, PageHeader, StatusBadge } from "~/components/ui";
import { DocumentsSection } from "~/components/documents";
import { redirectWithToast } from "~/domain/auth/session.server";
import { meetingPageDocuments } from "~/domain/documents/documents.server";
import { cancelByToken, changesClosed, findByToken, updateDetailsByToken } from "~/domain/registration/registration.server";
import { REGISTRATION_ROLES, editRegistrationSchema } from "~/domain/registration/registration.schema";
import { formatDateTime, formatRange, zoneLabel } from "~/utils/dates";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { badRequest, clientIp, notFound, readForm } from "~/utils/http.server";
import { hashToken } from "~/utils/tokens.server";
import { formReply, refusalMessages } from "~/utils/forms.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { isKey, type T } from "~/i18n/translate";

// The private self-service page behind the emailed link: no sign-in, the token is the key.

export const handle = { i18n: ["registration"] };

async function registrationOr404(token: string | undefined, t: T) {
  const reg = await findByToken(token ?? "");
  if (!reg) notFound(t("registration:manage.notFound"));
  return reg;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const language = await languageOf(request);
  const t = await fixedT(language);
  const reg = await registrationOr404(params.token, t);
  const m = reg.meeting;
  const active = ["CONFIRMED", "PENDING", "WAITLISTED"].includes(reg.status);
  // The documents this link opens (participants' ones once confirmed): their downloads carry the token.
  const documents = await meetingPageDocuments(m.slug, { user: null, registrationTokenHash: hashToken(params.token ?? "") }, language);
  const deadlineAt = m.registrationClosesAt ?? m.startsAt;
  return {
    title: t("registration:manage.title", { meeting: m.title }),
    documents,
    reg: {
      name: reg.name,
      email: reg.email,
      jobTitle: reg.jobTitle,
      role: reg.role,
      dietary: reg.dietary,
      accessibility: reg.accessibility,
      listConsent: reg.listConsent,
      status: reg.status,
      waitlistPosition: reg.waitlistPosition,
      agency: reg.agency?.name ?? "",
      consent: reg.consentAt
        ? t("registration:manage.consentGiven", {
            date: formatDateTime(reg.consentAt, m.timeZone, false, language),
            zone: zoneLabel(m.timeZone, reg.consentAt, language),
            version: reg.consentNoticeVersion,
          })
        : t("registration:manage.consentMissing"),
    },
    meeting: {
      title: m.title,
      slug: m.slug,
      when: formatRange(m.startsAt, m.endsAt, m.timeZone, language),
      where: [m.venue, m.room, m.city].filter(Boolean).join(", "),
      onlineLink: reg.status === "CONFIRMED" ? m.onlineLink : null,
      deadline: `${formatDateTime(deadlineAt, m.timeZone, false, language)} ${zoneLabel(m.timeZone, deadlineAt, language)}`,
    },
    canEdit: active && !changesClosed(m),
    canCancel: active && new Date() < m.startsAt,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const token = params.token ?? "";
  const t = await fixedT(request);
  await registrationOr404(token, t);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "cancel") return redirect(`/registrations/${token}?confirm=cancel`);
  if (intent === "confirm-cancel") {
    const res = await cancelByToken(token);
    if (!res.ok) return data({ result: null, error: refusalMessages(res).map((m) => (isKey(m) ? t(m) : m)).join(" ") }, { status: 400 });
    return redirectWithToast(request, `/registrations/${token}`, t("registration:manage.cancelled"));
  }
  if (intent !== "edit") badRequest();
  const submission = parseWithZod(formData, { schema: editRegistrationSchema });
  if (submission.status !== "success") return formReply(submission, undefined, { error: null });
  const { intent: _intent, ...details } = submission.value;
  const res = await updateDetailsByToken(token, details);
  if (!res.ok) return formReply(submission, res, { error: null });
  return redirectWithToast(request, `/registrations/${token}`, t("registration:manage.saved"));
}

export default function ManageRegistration() {
  const { reg, meeting, canEdit, canCancel, documents } = useLoaderData<typeof loader>();
  const { token } = useParams();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["registration"]);
  return (
    <>
      <PageHeader title={t("registration:manage.heading", { meeting: meeting.title })} />
      <p className="muted">{t("registration:manage.private")}</p>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      <dl className="facts">
        <dt>{t("registration:manage.status")}</dt>
        <dd>
          <StatusBadge status={reg.status} label={t(`common:registrationStatus.${reg.status}`)} />
          {reg.waitlistPosition ? t("registration:manage.waitlistPosition", { position: reg.waitlistPosition }) : null}
        </dd>
        <dt>{t("registration:manage.when")}</dt>
        <dd>{meeting.when}</dd>
        <dt>{t("registration:manage.where")}</dt>
        <dd>{meeting.where || t("registration:manage.toBeAnnounced")}</dd>
        {meeting.onlineLink ? (
          <>
            <dt>{t("registration:manage.online")}</dt>
            <dd>
              <a href={meeting.onlineLink}>{meeting.onlineLink}</a>
            </dd>
          </>
        ) : null}
        <dt>{t("registration:manage.name")}</dt>
        <dd>{reg.name}</dd>
        <dt>{t("registration:manage.email")}</dt>
        <dd>{reg.email}</dd>
        <dt>{t("registration:manage.agency")}</dt>
        <dd>{reg.agency}</dd>
        <dt>{t("registration:manage.privacyNotice")}</dt>
        <dd>{reg.consent}</dd>
      </dl>
      <DocumentsSection docs={documents} zipHref={`/meetings/${meeting.slug}/documents.zip?r=${token}`} query={`?r=${token}`} />
      <p>
        <Link to={`/meetings/${meeting.slug}`}>{t("registration:manage.meetingLink")}</Link> ·{" "}
        <a href={`/registrations/${token}/export`} download>
          {t("registration:manage.export")}
        </a>
      </p>
      {canEdit ? <EditForm reg={reg} deadline={meeting.deadline} lastResult={actionData?.result ?? undefined} /> : <p>{t("registration:manage.changesClosed")}</p>}
      {canCancel ? <CancelSection /> : null}
    </>
  );
}

function CancelSection() {
  const { t } = useTranslation(["registration"]);
  const confirming = useConfirming("cancel");
  if (confirming) {
    return (
      <ConfirmStep
        title={t("registration:manage.cancel.confirmTitle")}
        intent="confirm-cancel"
        confirmLabel={t("registration:manage.cancel.confirm")}
        keepLabel={t("registration:manage.cancel.keep")}
      >
        <p>{t("registration:manage.cancel.confirmText")}</p>
      </ConfirmStep>
    );
  }
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t("registration:manage.cancel.heading")}</h2>
      <p>{t("registration:manage.cancel.text")}</p>
      <ConfirmButton what="cancel" className="danger">
        {t("registration:manage.cancel.button")}
      </ConfirmButton>
    </section>
  );
}

function EditForm({
  reg,
  deadline,
  lastResult,
}: {
  reg: { name: string; jobTitle: string; role: string; dietary: string; accessibility: string; listConsent: boolean };
  deadline: string;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation(["registration"]);
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...reg, listConsent: reg.listConsent ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editRegistrationSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t("registration:manage.edit.heading")}</h2>
      <p className="muted">{t("registration:manage.edit.until", { deadline })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.name} label={t("registration:form.name")} required />
        <InputField field={fields.jobTitle} label={t("registration:form.jobTitle")} />
        <SelectField
          field={fields.role}
          label={t("registration:form.role")}
          options={REGISTRATION_ROLES.map((r) => ({ value: r, label: t(`common:registrationRole.${r}`) }))}
          required
        />
        <TextareaField field={fields.dietary} label={t("registration:form.dietary")} rows={2} />
        <TextareaField field={fields.accessibility} label={t("registration:form.accessibility")} rows={2} />
        <CheckboxField field={fields.listConsent} label={t("registration:form.listConsent")} />
        <input type="hidden" name="intent" value="edit" />
        <SubmitButton>{t("registration:manage.edit.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
