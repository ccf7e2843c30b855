import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { CheckboxField, FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { APPROVAL_MODES, FORMATS, VISIBILITIES, meetingSchema } from "~/domain/meetings/meeting.schema";
import { useTranslation } from "~/i18n/react";
import { timeZoneOptions } from "~/utils/dates";

// The organiser's meeting form, for creating and editing. Dates are datetime-local values read in the
// meeting's own zone (the zone field of the same form).

export type MeetingFormDefaults = Record<string, string | number | boolean | null | undefined>;

export function MeetingForm({
  lastResult,
  defaultValue,
  seriesOptions,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: MeetingFormDefaults;
  seriesOptions: { value: string; label: string }[];
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  const { t } = useTranslation(["admin"]);
  const zones = timeZoneOptions().map((z) => ({ value: z, label: z }));
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset>
        <legend>{t("admin:meetingForm.about")}</legend>
        <InputField field={fields.title} label={t("admin:meetingForm.title")} required />
        <InputField field={fields.slug} label={t("admin:meetingForm.slug")} hint={t("admin:meetingForm.slugHint")} />
        <TextareaField field={fields.description} label={t("admin:meetingForm.description")} rows={5} />
        <SelectField field={fields.seriesId} label={t("admin:meetingForm.series")} options={seriesOptions} placeholder={t("admin:meetingForm.noSeries")} />
        <InputField field={fields.fundingProgramme} label={t("admin:meetingForm.funding")} hint={t("admin:meetingForm.fundingHint")} />
      </fieldset>
      <fieldset>
        <legend>{t("admin:meetingForm.whenWhere")}</legend>
        <SelectField field={fields.timeZone} label={t("admin:meetingForm.timeZone")} options={zones} required hint={t("admin:meetingForm.timeZoneHint")} />
        <div className="grid-2">
          <InputField field={fields.startsAt} label={t("admin:meetingForm.starts")} type="datetime-local" required />
          <InputField field={fields.endsAt} label={t("admin:meetingForm.ends")} type="datetime-local" required />
        </div>
        <div className="grid-2">
          <InputField field={fields.venue} label={t("admin:meetingForm.venue")} />
          <InputField field={fields.room} label={t("admin:meetingForm.room")} />
          <InputField field={fields.city} label={t("admin:meetingForm.city")} />
        </div>
        <SelectField field={fields.format} label={t("admin:meetingForm.format")} options={FORMATS.map((v) => ({ value: v, label: t(`admin:format.${v}`) }))} required />
        <InputField field={fields.onlineLink} label={t("admin:meetingForm.onlineLink")} type="url" hint={t("admin:meetingForm.onlineLinkHint")} />
        <InputField field={fields.languages} label={t("admin:meetingForm.languages")} hint={t("admin:meetingForm.languagesHint")} required />
      </fieldset>
      <fieldset>
        <legend>{t("admin:meetingForm.participation")}</legend>
        <SelectField field={fields.visibility} label={t("admin:meetingForm.visibility")} options={VISIBILITIES.map((v) => ({ value: v, label: t(`admin:visibility.${v}`) }))} required />
        <InputField field={fields.capacity} label={t("admin:meetingForm.capacity")} type="number" min={1} hint={t("admin:meetingForm.capacityHint")} />
        <SelectField field={fields.approvalMode} label={t("admin:meetingForm.approval")} options={APPROVAL_MODES.map((v) => ({ value: v, label: t(`admin:approval.${v}`) }))} required />
        <div className="grid-2">
          <InputField field={fields.registrationOpensAt} label={t("admin:meetingForm.opens")} type="datetime-local" />
          <InputField field={fields.registrationClosesAt} label={t("admin:meetingForm.closes")} type="datetime-local" />
        </div>
        <InputField field={fields.reminderOffsets} label={t("admin:meetingForm.reminders")} hint={t("admin:meetingForm.remindersHint")} />
        <InputField field={fields.retentionDays} label={t("admin:meetingForm.retention")} type="number" min={1} hint={t("admin:meetingForm.retentionHint")} />
        <CheckboxField field={fields.participantListVisible} label={t("admin:meetingForm.participantList")} />
      </fieldset>
      <fieldset>
        <legend>{t("admin:meetingForm.contact")}</legend>
        <div className="grid-2">
          <InputField field={fields.organiserName} label={t("admin:meetingForm.organiserName")} />
          <InputField field={fields.organiserEmail} label={t("admin:meetingForm.organiserEmail")} type="email" />
        </div>
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
