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
import { REGISTRATION_ROLES, ROLE_LABELS, delegateEditSchema } from "~/domain/registration/registration.schema";
import { notFound, readForm } from "~/utils/http.server";
import { formReply } from "~/utils/forms.server";

// A focal point corrects one of their own agency's delegates; anyone else's is "not found".

async function context(request: Request, params: LoaderFunctionArgs["params"]) {
  const actor = await requireCapability(request, "delegation:manage");
  const meeting = await meetingBySlug(params.slug ?? "");
  const delegate = await delegateInScope(actor, meeting.id, params.registrationId ?? "");
  if (!delegate) notFound("We could not find that delegate of your agency.");
  return { actor, meeting, delegate };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, delegate } = await context(request, params);
  return { meeting: { title: meeting.title, slug: meeting.slug }, delegate };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, meeting, delegate } = await context(request, params);
  const submission = parseWithZod(await readForm(request), { schema: delegateEditSchema });
  if (submission.status !== "success") return formReply(submission);
  await updateDelegate(actor, meeting.id, delegate.id, submission.value);
  return redirectWithToast(request, `/delegations/${meeting.slug}`, `${submission.value.name}: changes saved.`);
}

export default function EditDelegate() {
  const { meeting, delegate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: delegate,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: delegateEditSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <PageHeader title={`Edit delegate: ${delegate.name}`} />
      <p>
        {meeting.title} · <Link to={`/delegations/${meeting.slug}`}>Back to the delegation</Link>
      </p>
      <p className="muted">
        The email address ({delegate.email}) cannot be changed; cancel and register the person again instead. The
        delegate decides themselves, through their private link, whether to appear in the participant list.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.name} label="Full name" required />
        <InputField field={fields.jobTitle} label="Job title" />
        <SelectField field={fields.role} label="Role at the meeting" options={REGISTRATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} required />
        <TextareaField field={fields.dietary} label="Dietary requirements" rows={2} />
        <TextareaField field={fields.accessibility} label="Accessibility needs" rows={2} />
        <SubmitButton>Save changes</SubmitButton>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit delegate · ${data?.delegate.name ?? ""} · Convene` }];
