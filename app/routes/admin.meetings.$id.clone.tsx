import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, FormErrors, InputField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { cloneSchema } from "~/domain/meetings/meeting.schema";
import { cloneMeeting, getMeetingForAdmin } from "~/domain/meetings/meetings.server";
import { notFound, readForm } from "~/utils/http.server";
import { formReply } from "~/utils/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:manage");
  const meeting = await getMeetingForAdmin(params.id ?? "");
  if (!meeting) notFound("We could not find that meeting.");
  return { title: meeting.title, series: meeting.series?.name ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const submission = parseWithZod(await readForm(request), { schema: cloneSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await cloneMeeting(user, params.id ?? "", submission.value);
  if (!saved.ok) return formReply(submission, saved);
  return redirectWithToast(request, `/admin/meetings/${saved.id}`, "Next session created as a draft, with the agenda moved to its date and the delegations copied.");
}

export default function CloneMeeting() {
  const { title, series } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { title, inviteMembers: series ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cloneSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="clone-heading">
      <h2 id="clone-heading">Create the next session</h2>
      <p>
        Copies the details, the agenda and the delegations (quotas and reserved seats) to a new draft meeting on the date you choose.
        Agenda times keep their local clock time in the meeting's zone.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.title} label="Title of the new session" required />
        <InputField field={fields.slug} label="Web address" hint="Leave empty to make one from the title." />
        <InputField field={fields.date} label="Date of the new session (first day)" type="date" required />
        {series ? (
          <>
            <CheckboxField field={fields.addOpenRecommendations} label={`Add the open recommendations of the ${series} for review`} />
            <CheckboxField field={fields.inviteMembers} label={`Invite the member agencies of the ${series} now (their focal points get the registration link by mail)`} />
          </>
        ) : null}
        <SubmitButton>Create the next session</SubmitButton>
      </Form>
    </section>
  );
}
