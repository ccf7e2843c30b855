import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { FormErrors, InputField, SelectField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { AGENCY_KINDS, agencySchema } from "~/domain/agencies/agency.schema";
import { useTranslation } from "~/i18n/react";

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
  const { t } = useTranslation(["admin"]);
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <InputField field={fields.name} label={t("admin:agencies.fullName")} required />
      <InputField field={fields.acronym} label={t("admin:agencies.acronymLabel")} required />
      <SelectField field={fields.kind} label={t("admin:agenda.kind")} options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`admin:agencies.kind.${k}`) }))} required placeholder={t("admin:agencies.choose")} />
      <SelectField field={fields.country} label={t("admin:agencies.country")} options={countries} placeholder={t("admin:agencies.noCountry")} />
      <SelectField field={fields.parentId} label={t("admin:agenda.partOf")} options={parents} placeholder={t("admin:agencies.independent")} hint={t("admin:agencies.parentHint")} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
