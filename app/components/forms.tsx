import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import type { ReactNode } from "react";
import { namespacesOf, useTranslation } from "~/i18n/react";
import { isKey } from "~/i18n/translate";
import { LANGUAGES } from "~/i18n/config";

// Form fields with a visible label, an optional hint and an error list linked to the input
// (aria-describedby). Conform fills in name, id, default value (the user's last input, also
// without JavaScript) and aria-invalid.

type Field = FieldMetadata<any, any, any>;

/**
 * Errors as Zod schemas and server refusals give them: a translation key ("registration:error.full") is shown in
 * the reader's language, other text as it is (docs/i18n.md).
 */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation(namespacesOf(errors ?? []));
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{isKey(e) ? t(e) : e}</li>
      ))}
    </ul>
  );
}

function describedBy(field: Field, hint?: ReactNode) {
  const ids = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Hint({ field, hint }: { field: Field; hint?: ReactNode }) {
  return hint ? (
    <p id={`${field.id}-hint`} className="field-hint">
      {hint}
    </p>
  ) : null;
}

type InputType = "text" | "email" | "url" | "number" | "date" | "datetime-local" | "search" | "tel" | "password" | "file";

export function InputField({
  field,
  label,
  type = "text",
  hint,
  required,
  ...rest
}: {
  field: Field;
  label: ReactNode;
  type?: InputType;
  hint?: ReactNode;
  required?: boolean;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "id" | "defaultValue">) {
  const props = getInputProps(field, { type, ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <Hint field={field} hint={hint} />
      <input {...props} {...rest} required={required} aria-describedby={describedBy(field, hint)} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextareaField({
  field,
  label,
  hint,
  required,
  rows = 4,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
}) {
  const props = getTextareaProps(field, { ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <Hint field={field} hint={hint} />
      <textarea {...props} rows={rows} required={required} aria-describedby={describedBy(field, hint)} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A choice; `lang` when its label is in another language than the page (content not translated yet). */
export type Option = { value: string; label: string; lang?: string };

/** A choice among the interface languages (a text's original language, a mail's language), each named in the page's language. */
export function LanguageField(props: Omit<Parameters<typeof SelectField>[0], "options">) {
  const { t } = useTranslation(["common"]);
  return <SelectField {...props} options={LANGUAGES.map((l) => ({ value: l, label: t(`common:languageName.${l}`) }))} />;
}

export function SelectField({
  field,
  label,
  options,
  hint,
  required,
  placeholder,
  multiple,
}: {
  field: Field;
  label: ReactNode;
  options: Option[];
  hint?: ReactNode;
  required?: boolean;
  placeholder?: string;
  multiple?: boolean;
}) {
  const props = getSelectProps(field, { ariaAttributes: true });
  const { t } = useTranslation(["common"]);
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <Hint field={field} hint={hint} />
      <select {...props} multiple={multiple} required={required} aria-describedby={describedBy(field, hint)}>
        {/* A required single select needs a first option with an empty value (HTML's placeholder label option). */}
        {!multiple && (placeholder !== undefined || required) ? <option value="">{placeholder ?? t("common:form.choose")}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function CheckboxField({ field, label, hint }: { field: Field; label: ReactNode; hint?: ReactNode }) {
  const props = getInputProps(field, { type: "checkbox", ariaAttributes: true });
  return (
    <div className="field field-checkbox">
      <input {...props} aria-describedby={describedBy(field, hint)} />
      <label htmlFor={field.id}>{label}</label>
      <Hint field={field} hint={hint} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Form-level errors (not tied to one field), announced to screen readers. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="form-errors">
      <ErrorList errors={errors} />
    </div>
  );
}
