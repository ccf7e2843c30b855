import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { CheckboxField, FormErrors, InputField, SelectField, TextareaField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { HoneypotField } from "~/components/honeypot";
import { REGISTRATION_ROLES, registrationSchema } from "~/domain/registration/registration.schema";
import { useTranslation } from "~/i18n/react";

/**
 * The registration form, for public meetings and invitation links alike. Works without JavaScript. Its routes
 * declare the `registration` namespace.
 */
export function RegistrationForm({
  lastResult,
  agencies,
  defaultValue,
  lockedAgency,
  noticeVersion,
  organiserEmail,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  agencies: Option[];
  defaultValue?: { name?: string; email?: string; agencyId?: string };
  /** an invitation for one agency fixes the agency */
  lockedAgency?: { id: string; name: string } | null;
  noticeVersion: string;
  organiserEmail: string;
}) {
  const { t } = useTranslation(["registration", "common"]);
  const roleOptions: Option[] = REGISTRATION_ROLES.map((r) => ({ value: r, label: t(`common:registrationRole.${r}`) }));
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { role: "DELEGATE", ...defaultValue, agencyId: lockedAgency?.id ?? defaultValue?.agencyId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <InputField field={fields.name} label={t("registration:form.name")} autoComplete="name" required />
      <InputField
        field={fields.email}
        label={t("registration:form.email")}
        type="email"
        autoComplete="email"
        required
        hint={t("registration:form.emailHint")}
      />
      {lockedAgency ? (
        <div className="field">
          <input type="hidden" name={fields.agencyId.name} value={lockedAgency.id} />
          <span className="label">{t("registration:form.agency")}</span>
          <p>{lockedAgency.name}</p>
        </div>
      ) : (
        <SelectField
          field={fields.agencyId}
          label={t("registration:form.agency")}
          options={agencies}
          placeholder={t("registration:form.chooseAgency")}
          required
          hint={t("registration:form.agencyHint")}
        />
      )}
      <InputField field={fields.jobTitle} label={t("registration:form.jobTitle")} autoComplete="organization-title" />
      <SelectField field={fields.role} label={t("registration:form.role")} options={roleOptions} required />
      <TextareaField field={fields.dietary} label={t("registration:form.dietary")} rows={2} />
      <TextareaField field={fields.accessibility} label={t("registration:form.accessibility")} rows={2} hint={t("registration:form.accessibilityHint")} />
      <section aria-labelledby="privacy-heading" className="card">
        <h2 id="privacy-heading">{t("registration:form.privacyHeading", { version: noticeVersion })}</h2>
        <p>{t("registration:form.privacyText", { contact: organiserEmail || t("registration:form.theOrganisers") })}</p>
        <CheckboxField field={fields.consent} label={t("registration:form.consent")} />
        <CheckboxField field={fields.listConsent} label={t("registration:form.listConsent")} hint={t("registration:form.listConsentHint")} />
      </section>
      <HoneypotField />
      <SubmitButton>{t("registration:form.submit")}</SubmitButton>
    </Form>
  );
}
