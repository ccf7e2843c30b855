import { readForm } from "~/utils/http.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup } from "~/components/choice-group";
import { STATUS_LABELS } from "~/domain/registration/labels";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { AUDIENCE_LABELS, AUDIENCES, followUpSchema, REGISTRATION_STATUSES } from "~/domain/mail/followup.schema";
import {
  countRecipients,
  createFollowUpDraft,
  getMailMeeting,
  meetingAgencies,
  newSubmissionKey,
  previewFollowUp,
  unknownAgencyIds,
} from "~/domain/mail/followups.server";
import { fieldRefusal, formReply } from "~/utils/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:followups");
  const meeting = await getMailMeeting(params.id ?? "");
  return { meeting, agencies: await meetingAgencies(meeting.id), submissionKey: newSubmissionKey() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "mail:followups");
  const meeting = await getMailMeeting(params.id ?? "");
  const submission = parseWithZod(await readForm(request), { schema: followUpSchema(meeting.timeZone) });
  if (submission.status !== "success") return formReply(submission, undefined, { preview: null });
  const v = submission.value;
  const unknown = await unknownAgencyIds(meeting.id, [...v.agencyIds, ...(v.previewAgencyId ? [v.previewAgencyId] : [])]);
  if (unknown.length) {
    return formReply(submission, fieldRefusal("agencyIds", "Choose agencies that take part in this meeting."), { preview: null });
  }
  if (v.intent === "preview") {
    const [mail, recipients] = await Promise.all([previewFollowUp(meeting.id, v, v.previewAgencyId || null), countRecipients(meeting.id, v)]);
    return { result: submission.reply(), preview: { ...mail, recipients } };
  }
  const draft = await createFollowUpDraft(actor, meeting.id, v);
  if (!draft) {
    return formReply(submission, fieldRefusal("audience", "Nobody matches these recipients. Choose other recipients."), { preview: null });
  }
  return redirectWithToast(
    request,
    `/admin/meetings/${meeting.id}/mail/follow-ups/${draft.id}`,
    draft.existing
      ? "This form was already saved: here is its draft."
      : `Draft saved for ${draft.recipients} recipients. Review it, then send it.`,
  );
}

export default function NewFollowUp() {
  const { meeting, agencies, submissionKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = followUpSchema(meeting.timeZone);
  const [form, fields] = useForm({
    id: "follow-up",
    lastResult: actionData?.result,
    defaultValue: { submissionKey },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: "onBlur",
  });
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.acronym})` }));
  return (
    <section aria-labelledby="compose-heading">
      <h2 id="compose-heading">Compose a follow-up</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/mail`}>Back to the mail of {meeting.title}</Link>
      </p>
      <p>
        Each agency&apos;s copy lists the recommendations of this meeting that the agency leads and, marked
        &ldquo;Supporting&rdquo;, those it supports. Saving creates a draft you can review before anything is sent.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.submissionKey.errors ?? [])]} />
        <input {...getInputProps(fields.submissionKey, { type: "hidden" })} />
        <InputField field={fields.subject} label="Subject" required maxLength={200} />
        <TextareaField field={fields.summary} label="Summary" hint="Blank lines start a new paragraph." rows={8} required />
        <TextareaField field={fields.documents} label="Document links" hint="One web link (https://…) per line, at most 20." rows={3} />
        <InputField
          field={fields.nextSessionAt}
          label="Next session"
          type="datetime-local"
          hint={`Optional. In the meeting's time zone, ${meeting.timeZone}.`}
        />
        <ChoiceGroup
          field={fields.audience}
          legend="Recipients"
          type="radio"
          options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
        />
        <ChoiceGroup field={fields.agencyIds} legend="Agencies" type="checkbox" hint="Used when sending to chosen agencies." options={agencyOptions} />
        <ChoiceGroup
          field={fields.statuses}
          legend="Registration statuses"
          type="checkbox"
          hint="Used when sending by status."
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <SelectField field={fields.previewAgencyId} label="Preview the copy of" options={agencyOptions} placeholder="No particular agency" />
        <div className="page-actions">
          <SubmitButton name="intent" value="preview">
            Preview
          </SubmitButton>
          <SubmitButton name="intent" value="save">
            Save as draft
          </SubmitButton>
        </div>
      </Form>
      {actionData?.preview ? (
        <section aria-labelledby="preview-heading">
          <h3 id="preview-heading">Preview: {actionData.preview.subject}</h3>
          <p role="status">
            {actionData.preview.recipients === 0
              ? "Nobody matches these recipients yet."
              : `${actionData.preview.recipients} ${actionData.preview.recipients === 1 ? "person matches" : "people match"} these recipients.`}
          </p>
          <iframe
            title="Preview of the follow-up email"
            sandbox=""
            srcDoc={actionData.preview.html}
            style={{ width: "100%", height: "32rem", border: "1px solid #c9ced6" }}
          />
        </section>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Compose a follow-up · Convene" }];
