import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { delegateInScope, meetingBySlug, updateDelegate } from "~/domain/registration/organiser.server";
import { REGISTRATION_ROLES, delegateEditSchema } from "~/domain/registration/registration.schema";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { notFound, readForm } from "~/utils/http.server";
import { formReply } from "~/utils/forms.server";

// A focal point corrects one of their own agency's delegates; anyone else's is "not found".

export const handle = { i18n: ["registration"] };

async function context(request: Request, params: LoaderFunctionArgs["params"]) {
  const actor = await requireCapability(request, "delegation:manage");
  const meeting = await meetingBySlug(params.slug ?? "");
  const delegate = await delegateInScope(actor, meeting.id, params.registrationId ?? "");
  const t = await fixedT(request);
  if (!delegate) notFound(t("registration:delegateEdit.notFound"));
  return { actor, meeting, delegate };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, delegate } = await context(request, params);
  const t = await fixedT(request);
  return { meeting: { title: meeting.title, slug: meeting.slug }, delegate, title: t("registration:delegateEdit.pageTitle", { name: delegate.name }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, meeting, delegate } = await context(request, params);
  const submission = parseWithZod(await readForm(request), { schema: delegateEditSchema });
  if (submission.status !== "success") return formReply(submission);
  await updateDelegate(actor, meeting.id, delegate.id, submission.value);
  const t = await fixedT(request);
  return redirectWithToast(request, `/delegations/${meeting.slug}`, t("registration:delegateEdit.saved", { name: submission.value.name }));
}

export default function EditDelegate() {
  const { meeting, delegate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["registration"]);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: delegate,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: delegateEditSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <PageHeader title={t("registration:delegateEdit.heading", { name: delegate.name })} />
      <p>
        {meeting.title} · <Link to={`/delegations/${meeting.slug}`}>{t("registration:delegateEdit.back")}</Link>
      </p>
      <p className="muted">
        {t("registration:delegateEdit.emailFixed", { email: delegate.email })}
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.name} label={t("registration:form.name")} required />
        <InputField field={fields.jobTitle} label={t("registration:form.jobTitle")} />
        <SelectField field={fields.role} label={t("registration:form.role")} options={REGISTRATION_ROLES.map((r) => ({ value: r, label: t(`common:registrationRole.${r}`) }))} required />
        <TextareaField field={fields.dietary} label={t("registration:form.dietary")} rows={2} />
        <TextareaField field={fields.accessibility} label={t("registration:form.accessibility")} rows={2} />
        <SubmitButton>{t("registration:delegateEdit.save")}</SubmitButton>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
