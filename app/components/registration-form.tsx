import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { CheckboxField, FormErrors, InputField, SelectField, TextareaField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { HoneypotField } from "~/components/honeypot";
import { REGISTRATION_ROLES, ROLE_LABELS, registrationSchema } from "~/domain/registration/registration.schema";

const roleOptions: Option[] = REGISTRATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** The registration form, for public meetings and invitation links alike. Works without JavaScript. */
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
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { role: "DELEGATE", ...defaultValue, agencyId: lockedAgency?.id ?? defaultValue?.agencyId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <InputField field={fields.name} label="Full name" autoComplete="name" required />
      <InputField field={fields.email} label="Email address" type="email" autoComplete="email" required hint="Your confirmation and private link are sent here." />
      {lockedAgency ? (
        <div className="field">
          <input type="hidden" name={fields.agencyId.name} value={lockedAgency.id} />
          <span className="label">Agency</span>
          <p>{lockedAgency.name}</p>
        </div>
      ) : (
        <SelectField field={fields.agencyId} label="Agency" options={agencies} placeholder="Choose your agency" required hint="If your agency is missing, contact the organisers." />
      )}
      <InputField field={fields.jobTitle} label="Job title" autoComplete="organization-title" />
      <SelectField field={fields.role} label="Role at the meeting" options={roleOptions} required />
      <TextareaField field={fields.dietary} label="Dietary requirements" rows={2} />
      <TextareaField field={fields.accessibility} label="Accessibility needs" rows={2} hint="For example step-free access, sign language interpretation, hearing loop." />
      <section aria-labelledby="privacy-heading" className="card">
        <h2 id="privacy-heading">Privacy notice (version {noticeVersion})</h2>
        <p>
          The organisers use your details only to run this meeting: seating, badges, catering, access and follow-up
          about its recommendations. They are kept until the retention period after the meeting ends and then
          anonymised. You can see, change, export or cancel your registration through your private link. Questions:{" "}
          {organiserEmail || "the organisers"}.
        </p>
        <CheckboxField field={fields.consent} label="I have read the privacy notice and agree to my details being used as described" />
        <CheckboxField field={fields.listConsent} label="Show my name, agency and job title to other confirmed participants" hint="Optional. You can change this later." />
      </section>
      <HoneypotField />
      <SubmitButton>Register</SubmitButton>
    </Form>
  );
}
