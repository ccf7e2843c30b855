import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { FormErrors, InputField, SelectField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { AGENCY_KIND_LABELS, AGENCY_KINDS, agencySchema } from "~/domain/agencies/agency.schema";

export function AgencyForm({
  lastResult,
  defaultValue,
  countries,
  parents,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, string>;
  countries: Option[];
  parents: Option[];
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agencySchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <InputField field={fields.name} label="Full name" required />
      <InputField field={fields.acronym} label="Acronym or short name" required />
      <SelectField field={fields.kind} label="Kind" options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))} required placeholder="Choose…" />
      <SelectField field={fields.country} label="Country" options={countries} placeholder="International (no country)" />
      <SelectField field={fields.parentId} label="Part of" options={parents} placeholder="Independent" hint="For regional or country offices." />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
