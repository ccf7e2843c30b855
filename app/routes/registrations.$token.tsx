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
import { REGISTRATION_ROLES, ROLE_LABELS, STATUS_LABELS, editRegistrationSchema } from "~/domain/registration/registration.schema";
import { formatDateTime, formatRange, zoneLabel } from "~/utils/dates";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { badRequest, clientIp, notFound, readForm } from "~/utils/http.server";
import { hashToken } from "~/utils/tokens.server";
import { formReply, refusalMessages } from "~/utils/forms.server";

// The private self-service page behind the emailed link: no sign-in, the token is the key.

async function registrationOr404(token: string | undefined) {
  const reg = await findByToken(token ?? "");
  if (!reg) notFound("This registration link is not valid, or the registration was anonymised after the meeting. Signed-in people can ask for their link on their registrations page.");
  return reg;
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const reg = await registrationOr404(params.token);
  const m = reg.meeting;
  const active = ["CONFIRMED", "PENDING", "WAITLISTED"].includes(reg.status);
  // The documents this link opens (participants' ones once confirmed): their downloads carry the token.
  const documents = await meetingPageDocuments(m.slug, { user: null, registrationTokenHash: hashToken(params.token ?? "") });
  return {
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
      consent: reg.consentAt ? `Accepted on ${formatDateTime(reg.consentAt, m.timeZone)} ${zoneLabel(m.timeZone, reg.consentAt)} (notice version ${reg.consentNoticeVersion})` : "Registered on your behalf; not yet accepted by you",
    },
    meeting: {
      title: m.title,
      slug: m.slug,
      when: formatRange(m.startsAt, m.endsAt, m.timeZone),
      where: [m.venue, m.room, m.city].filter(Boolean).join(", "),
      onlineLink: reg.status === "CONFIRMED" ? m.onlineLink : null,
      deadline: `${formatDateTime(m.registrationClosesAt ?? m.startsAt, m.timeZone)} ${zoneLabel(m.timeZone, m.registrationClosesAt ?? m.startsAt)}`,
    },
    canEdit: active && !changesClosed(m),
    canCancel: active && new Date() < m.startsAt,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const token = params.token ?? "";
  await registrationOr404(token);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "cancel") return redirect(`/registrations/${token}?confirm=cancel`);
  if (intent === "confirm-cancel") {
    const res = await cancelByToken(token);
    if (!res.ok) return data({ result: null, error: refusalMessages(res).join(" ") }, { status: 400 });
    return redirectWithToast(request, `/registrations/${token}`, "Your registration is cancelled. A confirmation is on its way.");
  }
  if (intent !== "edit") badRequest();
  const submission = parseWithZod(formData, { schema: editRegistrationSchema });
  if (submission.status !== "success") return formReply(submission, undefined, { error: null });
  const { intent: _intent, ...details } = submission.value;
  const res = await updateDetailsByToken(token, details);
  if (!res.ok) return formReply(submission, res, { error: null });
  return redirectWithToast(request, `/registrations/${token}`, "Your changes are saved.");
}

export default function ManageRegistration() {
  const { reg, meeting, canEdit, canCancel, documents } = useLoaderData<typeof loader>();
  const { token } = useParams();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={`Your registration: ${meeting.title}`} />
      <p className="muted">This page is private: anyone with its link can change your registration. Do not share it.</p>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={reg.status} label={STATUS_LABELS[reg.status]} />
          {reg.waitlistPosition ? ` — number ${reg.waitlistPosition} on the waiting list` : null}
        </dd>
        <dt>When</dt>
        <dd>{meeting.when}</dd>
        <dt>Where</dt>
        <dd>{meeting.where || "To be announced"}</dd>
        {meeting.onlineLink ? (
          <>
            <dt>Online</dt>
            <dd>
              <a href={meeting.onlineLink}>{meeting.onlineLink}</a>
            </dd>
          </>
        ) : null}
        <dt>Name</dt>
        <dd>{reg.name}</dd>
        <dt>Email</dt>
        <dd>{reg.email}</dd>
        <dt>Agency</dt>
        <dd>{reg.agency}</dd>
        <dt>Privacy notice</dt>
        <dd>{reg.consent}</dd>
      </dl>
      <DocumentsSection docs={documents} zipHref={`/meetings/${meeting.slug}/documents.zip?r=${token}`} query={`?r=${token}`} />
      <p>
        <Link to={`/meetings/${meeting.slug}`}>Meeting page and agenda</Link> ·{" "}
        <a href={`/registrations/${token}/export`} download>
          Download my data (JSON)
        </a>
      </p>
      {canEdit ? <EditForm reg={reg} deadline={meeting.deadline} lastResult={actionData?.result ?? undefined} /> : <p>Changes are closed. Contact the organisers if something is wrong.</p>}
      {canCancel ? <CancelSection /> : null}
    </>
  );
}

function CancelSection() {
  const confirming = useConfirming("cancel");
  if (confirming) {
    return (
      <ConfirmStep title="Cancel your registration?" intent="confirm-cancel" confirmLabel="Yes, cancel my registration" keepLabel="No, keep my registration">
        <p>This frees your seat: it goes to the next person on the waiting list. It cannot be undone.</p>
      </ConfirmStep>
    );
  }
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel your registration</h2>
      <p>Your seat goes to the next person on the waiting list. This cannot be undone.</p>
      <ConfirmButton what="cancel" className="danger">
        Cancel my registration
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
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...reg, listConsent: reg.listConsent ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editRegistrationSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">Change your details</h2>
      <p className="muted">You can change your details until {deadline}.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.name} label="Full name" required />
        <InputField field={fields.jobTitle} label="Job title" />
        <SelectField field={fields.role} label="Role at the meeting" options={REGISTRATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} required />
        <TextareaField field={fields.dietary} label="Dietary requirements" rows={2} />
        <TextareaField field={fields.accessibility} label="Accessibility needs" rows={2} />
        <CheckboxField field={fields.listConsent} label="Show my name, agency and job title to other confirmed participants" />
        <input type="hidden" name="intent" value="edit" />
        <SubmitButton>
          Save changes
        </SubmitButton>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Your registration · ${data?.meeting.title ?? ""} · Convene` }];
