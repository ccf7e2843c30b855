import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { CheckboxField, FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import {
  APPROVAL_LABELS,
  APPROVAL_MODES,
  FORMAT_LABELS,
  FORMATS,
  VISIBILITIES,
  VISIBILITY_LABELS,
  meetingSchema,
} from "~/domain/meetings/meeting.schema";
import { timeZoneOptions } from "~/utils/dates";

// The organiser's meeting form, for creating and editing. Dates are datetime-local values read in the
// meeting's own zone (the zone field of the same form).

export type MeetingFormDefaults = Record<string, string | number | boolean | null | undefined>;

const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

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
  const zones = timeZoneOptions().map((z) => ({ value: z, label: z }));
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset>
        <legend>About the meeting</legend>
        <InputField field={fields.title} label="Title" required />
        <InputField field={fields.slug} label="Web address" hint="The part after /meetings/. Leave empty to make one from the title." />
        <TextareaField field={fields.description} label="Description" rows={5} />
        <SelectField field={fields.seriesId} label="Series" options={seriesOptions} placeholder="Not part of a series" />
        <InputField field={fields.fundingProgramme} label="Funding programme" hint="For example: EU ARGO programme." />
      </fieldset>
      <fieldset>
        <legend>When and where</legend>
        <SelectField field={fields.timeZone} label="Time zone" options={zones} required hint="Start and end are read in this zone." />
        <div className="grid-2">
          <InputField field={fields.startsAt} label="Starts" type="datetime-local" required />
          <InputField field={fields.endsAt} label="Ends" type="datetime-local" required />
        </div>
        <div className="grid-2">
          <InputField field={fields.venue} label="Venue" />
          <InputField field={fields.room} label="Room" />
          <InputField field={fields.city} label="City" />
        </div>
        <SelectField field={fields.format} label="Format" options={labelled(FORMATS, FORMAT_LABELS)} required />
        <InputField field={fields.onlineLink} label="Online link" type="url" hint="Shown only to participants with a confirmed registration." />
        <InputField field={fields.languages} label="Languages" hint="Two-letter codes separated by commas, e.g. en,fr." required />
      </fieldset>
      <fieldset>
        <legend>Participation</legend>
        <SelectField field={fields.visibility} label="Who can register" options={labelled(VISIBILITIES, VISIBILITY_LABELS)} required />
        <InputField field={fields.capacity} label="Capacity (seats)" type="number" min={1} hint="Leave empty for no limit." />
        <SelectField field={fields.approvalMode} label="Confirmation of registrations" options={labelled(APPROVAL_MODES, APPROVAL_LABELS)} required />
        <div className="grid-2">
          <InputField field={fields.registrationOpensAt} label="Registration opens" type="datetime-local" />
          <InputField field={fields.registrationClosesAt} label="Registration closes" type="datetime-local" />
        </div>
        <InputField field={fields.reminderOffsets} label="Reminders before the start" hint="For example 7d,1d,2h (days or hours). Leave empty for no reminders." />
        <InputField field={fields.retentionDays} label="Keep registrations for (days after the meeting)" type="number" min={1} hint="Personal data is anonymised after this. Leave empty to keep it." />
        <CheckboxField field={fields.participantListVisible} label="Show the participant list to confirmed participants who agree to be listed" />
      </fieldset>
      <fieldset>
        <legend>Organiser contact</legend>
        <div className="grid-2">
          <InputField field={fields.organiserName} label="Organiser name" />
          <InputField field={fields.organiserEmail} label="Organiser email" type="email" />
        </div>
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
