import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ChoiceGroup } from "~/components/choice-group";
import { FormErrors, InputField, TextareaField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { seriesSchema } from "~/domain/series/series.schema";
import { useTranslation } from "~/i18n/react";

export function SeriesForm({
  lastResult,
  defaultValue,
  agencies,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: { name?: string; slug?: string; description?: string; memberIds?: string[] };
  agencies: Option[];
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seriesSchema }),
    shouldRevalidate: "onBlur",
  });
  const { t } = useTranslation(["admin"]);
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <InputField field={fields.name} label={t("admin:series.name")} required />
      <InputField field={fields.slug} label={t("admin:meetingForm.slug")} hint={t("admin:series.slugHint")} />
      <TextareaField field={fields.description} label={t("admin:meetingForm.description")} />
      <ChoiceGroup field={fields.memberIds} legend={t("admin:series.memberAgencies")} type="checkbox" options={agencies} searchable />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
