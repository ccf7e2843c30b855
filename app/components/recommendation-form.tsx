import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ChoiceGroup } from "~/components/choice-group";
import { useContentLang } from "~/components/content";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { recommendationSchema, type RecommendationInput } from "~/domain/recommendations/recommendation.schema";
import { PRIORITIES } from "~/domain/recommendations/status";
import type { Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";
import { isKey } from "~/i18n/translate";

// The recording and editing form of a recommendation (new, edit). The agenda-item picker lists the
// items of the chosen meeting only; the server checks the item belongs to the chosen meeting.

type Options = {
  meetings: { id: string; label: string }[];
  /** the meeting the agenda items belong to */
  meetingId: string | null;
  agendaItems: { id: string; title: string }[];
  agencies: { id: string; label: string }[];
  /** in the reader's language, else the original's (`lang`) */
  themes: { id: string; name: string; lang: { name: Language } }[];
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
  const { t } = useTranslation(["recommendations"]);
  const contentLang = useContentLang();
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
      <SelectField
        field={fields.meetingId}
        label={t("recommendations:form.meeting")}
        options={options.meetings.map((m) => ({ value: m.id, label: m.label }))}
        placeholder={t("recommendations:form.chooseMeeting")}
        required
      />
      {hydrated ? null : (
        <p>
          <button type="submit" formMethod="get" formNoValidate className="secondary">
            {t("recommendations:form.showItems")}
          </button>
        </p>
      )}
      <div className="field">
        <label htmlFor={agendaItem.id}>{t("recommendations:form.agendaItem")}</label>
        <p id={`${agendaItem.id}-hint`} className="field-hint">
          {meetingId
            ? items.state === "loading"
              ? t("recommendations:form.agendaLoading")
              : t("recommendations:form.agendaHint")
            : t("recommendations:form.chooseMeetingFirst")}
        </p>
        <select
          key={meetingId}
          id={agendaItem.id}
          name={agendaItem.name}
          defaultValue={meetingId === (options.meetingId ?? "") ? ((agendaItem.initialValue as string | undefined) ?? "") : ""}
          aria-invalid={agendaItem.errors?.length ? true : undefined}
          aria-describedby={agendaItem.errors?.length ? `${agendaItem.id}-hint ${agendaItem.errorId}` : `${agendaItem.id}-hint`}
        >
          <option value="">{t("recommendations:form.noItem")}</option>
          {agendaItems.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
        {agendaItem.errors?.length ? (
          <ul id={agendaItem.errorId} className="field-errors">
            {agendaItem.errors.map((e) => (
              <li key={e}>{isKey(e) ? t(e) : e}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <InputField field={fields.code} label={t("recommendations:form.code")} hint={t("recommendations:form.codeHint")} required />
      <InputField field={fields.title} label={t("recommendations:form.title")} required />
      <TextareaField field={fields.text} label={t("recommendations:form.text")} rows={6} required />
      <TextareaField field={fields.rationale} label={t("recommendations:form.rationale")} rows={3} />
      <SelectField
        field={fields.leadAgencyId}
        label={t("recommendations:form.leadAgency")}
        options={options.agencies.map((a) => ({ value: a.id, label: a.label }))}
        placeholder={t("recommendations:form.chooseLeadAgency")}
        required
      />
      <ChoiceGroup
        field={fields.supportingAgencyIds}
        legend={t("recommendations:form.supportingAgencies")}
        type="checkbox"
        options={options.agencies.map((a) => ({ value: a.id, label: a.label }))}
        searchable
      />
      <ChoiceGroup field={fields.themeIds} legend={t("recommendations:form.themes")} type="checkbox" options={options.themes.map((th) => ({ value: th.id, label: th.name, lang: contentLang(th.lang.name) }))} />
      <SelectField field={fields.priority} label={t("recommendations:form.priority")} options={PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))} required />
      <InputField field={fields.dueDate} label={t("recommendations:form.dueDate")} type="date" hint={t("recommendations:form.dueDateHint")} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
