import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ChoiceGroup } from "~/components/choice-group";
import { FormErrors, InputField, TextareaField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { seriesSchema } from "~/domain/series/series.schema";

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
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <InputField field={fields.name} label="Name" required />
      <InputField field={fields.slug} label="Web address" hint="The part after /series/. Leave empty to make one from the name." />
      <TextareaField field={fields.description} label="Description" />
      <ChoiceGroup field={fields.memberIds} legend="Member agencies" type="checkbox" options={agencies} searchable />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
