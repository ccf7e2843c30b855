import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { recommendationSchema, type RecommendationInput } from "~/domain/recommendations/recommendation.schema";
import { PRIORITIES, PRIORITY_LABELS } from "~/domain/recommendations/status";

// The recording and editing form of a recommendation (new, edit). Agenda items are listed per
// meeting in option groups; the server checks the item belongs to the chosen meeting.

type Options = {
  meetings: { id: string; label: string; agendaItems: { id: string; title: string }[] }[];
  agencies: { id: string; label: string }[];
  themes: { id: string; name: string }[];
};

export function RecommendationForm({
  options,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  options: Options;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<Record<keyof RecommendationInput, string | string[]>>;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recommendationSchema }),
    shouldRevalidate: "onBlur",
  });
  const agendaItem = fields.agendaItemId;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField field={fields.meetingId} label="Meeting where it was made" options={options.meetings.map((m) => ({ value: m.id, label: m.label }))} placeholder="Choose a meeting" required />
      <div className="field">
        <label htmlFor={agendaItem.id}>Agenda item (optional)</label>
        <p id={`${agendaItem.id}-hint`} className="field-hint">
          An item of the meeting chosen above.
        </p>
        <select
          id={agendaItem.id}
          name={agendaItem.name}
          defaultValue={(agendaItem.initialValue as string | undefined) ?? ""}
          aria-invalid={agendaItem.errors?.length ? true : undefined}
          aria-describedby={agendaItem.errors?.length ? `${agendaItem.id}-hint ${agendaItem.errorId}` : `${agendaItem.id}-hint`}
        >
          <option value="">No specific item</option>
          {options.meetings
            .filter((m) => m.agendaItems.length)
            .map((m) => (
              <optgroup key={m.id} label={m.label}>
                {m.agendaItems.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
        {agendaItem.errors?.length ? (
          <ul id={agendaItem.errorId} className="field-errors">
            {agendaItem.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <InputField field={fields.code} label="Reference code" hint="Unique, e.g. BRU-2026-01." required />
      <InputField field={fields.title} label="Title" required />
      <TextareaField field={fields.text} label="Full text" rows={6} required />
      <TextareaField field={fields.rationale} label="Rationale" rows={3} />
      <SelectField field={fields.leadAgencyId} label="Lead agency" options={options.agencies.map((a) => ({ value: a.id, label: a.label }))} placeholder="Choose the lead agency" required />
      <SelectField
        field={fields.supportingAgencyIds}
        label="Supporting agencies"
        hint="Hold Ctrl (Cmd on a Mac) to choose several."
        options={options.agencies.map((a) => ({ value: a.id, label: a.label }))}
        multiple
      />
      <SelectField field={fields.themeIds} label="Themes" hint="Hold Ctrl (Cmd on a Mac) to choose several." options={options.themes.map((t) => ({ value: t.id, label: t.name }))} multiple />
      <SelectField field={fields.priority} label="Priority" options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} required />
      <InputField field={fields.dueDate} label="Due date" type="date" hint="Not before the meeting where it was made." />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
