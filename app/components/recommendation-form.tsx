import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ChoiceGroup } from "~/components/choice-group";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { recommendationSchema, type RecommendationInput } from "~/domain/recommendations/recommendation.schema";
import { PRIORITIES, PRIORITY_LABELS } from "~/domain/recommendations/status";

// The recording and editing form of a recommendation (new, edit). The agenda-item picker lists the
// items of the chosen meeting only; the server checks the item belongs to the chosen meeting.

type Options = {
  meetings: { id: string; label: string }[];
  /** the meeting the agenda items belong to */
  meetingId: string | null;
  agendaItems: { id: string; title: string }[];
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
  // With JavaScript the items follow the meeting select through the page's loader; without it,
  // "Show its agenda items" sends the form by GET and the page comes back with them (decision 073).
  const hydrated = useHydrated();
  const location = useLocation();
  const items = useFetcher<{ options: { agendaItems: { id: string; title: string }[] } }>();
  const [meetingId, setMeetingId] = useState(options.meetingId ?? "");
  const agendaItems = items.data && meetingId !== (options.meetingId ?? "") ? items.data.options.agendaItems : options.agendaItems;
  const chooseMeeting = (id: string) => {
    setMeetingId(id);
    if (id && id !== options.meetingId) items.load(`${location.pathname}?meetingId=${encodeURIComponent(id)}`);
  };
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      onChange={(e) => {
        const target = e.target as HTMLSelectElement;
        if (target.name === fields.meetingId.name) chooseMeeting(target.value);
      }}
    >
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField field={fields.meetingId} label="Meeting where it was made" options={options.meetings.map((m) => ({ value: m.id, label: m.label }))} placeholder="Choose a meeting" required />
      {hydrated ? null : (
        <p>
          <button type="submit" formMethod="get" formNoValidate className="secondary">
            Show its agenda items
          </button>
        </p>
      )}
      <div className="field">
        <label htmlFor={agendaItem.id}>Agenda item (optional)</label>
        <p id={`${agendaItem.id}-hint`} className="field-hint">
          {meetingId ? (items.state === "loading" ? "Loading the agenda of this meeting…" : "An item of the meeting chosen above.") : "Choose the meeting first."}
        </p>
        <select
          key={meetingId}
          id={agendaItem.id}
          name={agendaItem.name}
          defaultValue={meetingId === (options.meetingId ?? "") ? ((agendaItem.initialValue as string | undefined) ?? "") : ""}
          aria-invalid={agendaItem.errors?.length ? true : undefined}
          aria-describedby={agendaItem.errors?.length ? `${agendaItem.id}-hint ${agendaItem.errorId}` : `${agendaItem.id}-hint`}
        >
          <option value="">No specific item</option>
          {agendaItems.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
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
      <ChoiceGroup field={fields.supportingAgencyIds} legend="Supporting agencies" type="checkbox" options={options.agencies.map((a) => ({ value: a.id, label: a.label }))} searchable />
      <ChoiceGroup field={fields.themeIds} legend="Themes" type="checkbox" options={options.themes.map((t) => ({ value: t.id, label: t.name }))} />
      <SelectField field={fields.priority} label="Priority" options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} required />
      <InputField field={fields.dueDate} label="Due date" type="date" hint="Not before the meeting where it was made." />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
