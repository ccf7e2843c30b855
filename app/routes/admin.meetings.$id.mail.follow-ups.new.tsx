import { readForm } from "~/utils/http.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup } from "~/components/choice-group";
import { FormErrors, InputField, LanguageField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { AUDIENCES, followUpSchema, REGISTRATION_STATUSES } from "~/domain/mail/followup.schema";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
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

export const handle = { i18n: ["followups"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:followups");
  const meeting = await getMailMeeting(params.id ?? "");
  const t = await fixedT(request);
  return { title: t("followups:title.compose"), meeting, agencies: await meetingAgencies(meeting.id), submissionKey: newSubmissionKey() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "mail:followups");
  const meeting = await getMailMeeting(params.id ?? "");
  const submission = parseWithZod(await readForm(request), { schema: followUpSchema(meeting.timeZone) });
  if (submission.status !== "success") return formReply(submission, undefined, { preview: null });
  const v = submission.value;
  const t = await fixedT(request);
  const unknown = await unknownAgencyIds(meeting.id, [...v.agencyIds, ...(v.previewAgencyId ? [v.previewAgencyId] : [])]);
  if (unknown.length) {
    return formReply(submission, fieldRefusal("agencyIds", t("followups:compose.error.unknownAgencies")), { preview: null });
  }
  if (v.intent === "preview") {
    const [mail, recipients] = await Promise.all([
      previewFollowUp(meeting.id, v, v.previewAgencyId || null, v.previewLanguage ?? v.language),
      countRecipients(meeting.id, v),
    ]);
    return { result: submission.reply(), preview: { ...mail, recipients } };
  }
  const draft = await createFollowUpDraft(actor, meeting.id, v);
  if (!draft) {
    return formReply(submission, fieldRefusal("audience", t("followups:compose.error.nobody")), { preview: null });
  }
  return redirectWithToast(
    request,
    `/admin/meetings/${meeting.id}/mail/follow-ups/${draft.id}`,
    draft.existing ? t("followups:compose.toast.existing") : t("followups:compose.toast.saved", { count: draft.recipients }),
  );
}

export default function NewFollowUp() {
  const { meeting, agencies, submissionKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useTranslation(["followups"]);
  const schema = followUpSchema(meeting.timeZone);
  const [form, fields] = useForm({
    id: "follow-up",
    lastResult: actionData?.result,
    defaultValue: { submissionKey, language, previewLanguage: language },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: "onBlur",
  });
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.acronym})` }));
  return (
    <section aria-labelledby="compose-heading">
      <h2 id="compose-heading">{t("followups:compose.heading")}</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/mail`}>{t("followups:compose.back", { title: meeting.title })}</Link>
      </p>
      <p>{t("followups:compose.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.submissionKey.errors ?? [])]} />
        <input {...getInputProps(fields.submissionKey, { type: "hidden" })} />
        <LanguageField field={fields.language} label={t("followups:compose.language")} hint={t("followups:compose.languageHint")} />
        <InputField field={fields.subject} label={t("followups:compose.subject")} required maxLength={200} />
        <TextareaField field={fields.summary} label={t("followups:compose.summary")} hint={t("followups:compose.summaryHint")} rows={8} required />
        <fieldset aria-describedby="translation-hint">
          <legend>{t("followups:compose.translation.legend")}</legend>
          <p id="translation-hint" className="field-hint">
            {t("followups:compose.translation.hint")}
          </p>
          <InputField field={fields.translatedSubject} label={t("followups:compose.translation.subject")} maxLength={200} />
          <TextareaField field={fields.translatedSummary} label={t("followups:compose.translation.summary")} rows={8} />
        </fieldset>
        <TextareaField field={fields.documents} label={t("followups:compose.documents")} hint={t("followups:compose.documentsHint")} rows={3} />
        <InputField
          field={fields.nextSessionAt}
          label={t("followups:compose.nextSession")}
          type="datetime-local"
          hint={t("followups:compose.nextSessionHint", { zone: meeting.timeZone })}
        />
        <ChoiceGroup
          field={fields.audience}
          legend={t("followups:compose.recipients")}
          type="radio"
          options={AUDIENCES.map((a) => ({ value: a, label: t(`followups:audience.${a}`) }))}
        />
        <ChoiceGroup
          field={fields.agencyIds}
          legend={t("followups:compose.agencies")}
          type="checkbox"
          hint={t("followups:compose.agenciesHint")}
          options={agencyOptions}
        />
        <ChoiceGroup
          field={fields.statuses}
          legend={t("followups:compose.statuses")}
          type="checkbox"
          hint={t("followups:compose.statusesHint")}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`common:registrationStatus.${s}`) }))}
        />
        <SelectField
          field={fields.previewAgencyId}
          label={t("followups:compose.previewAgency")}
          options={agencyOptions}
          placeholder={t("followups:compose.anyAgency")}
        />
        <LanguageField field={fields.previewLanguage} label={t("followups:compose.previewLanguage")} />
        <div className="page-actions">
          <SubmitButton name="intent" value="preview">
            {t("followups:compose.preview")}
          </SubmitButton>
          <SubmitButton name="intent" value="save">
            {t("followups:compose.save")}
          </SubmitButton>
        </div>
      </Form>
      {actionData?.preview ? (
        <section aria-labelledby="preview-heading">
          <h3 id="preview-heading">{t("followups:compose.previewHeading", { subject: actionData.preview.subject })}</h3>
          <p role="status">
            {actionData.preview.recipients === 0
              ? t("followups:compose.nobody")
              : t("followups:compose.matches", { count: actionData.preview.recipients })}
          </p>
          <iframe
            title={t("followups:compose.previewFrame")}
            sandbox=""
            srcDoc={actionData.preview.html}
            style={{ width: "100%", height: "32rem", border: "1px solid #c9ced6" }}
          />
        </section>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
