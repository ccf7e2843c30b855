import type { FieldMetadata } from "@conform-to/react";
import { ErrorList, type Option } from "./forms";

// A fieldset of radio buttons or checkboxes with a legend and linked errors. Works without
// JavaScript: the user's last choice comes back through Conform's initialValue.

type Field = FieldMetadata<any, any, any>;

export function ChoiceGroup({
  field,
  legend,
  options,
  type,
  hint,
}: {
  field: Field;
  legend: string;
  options: Option[];
  type: "radio" | "checkbox";
  hint?: string;
}) {
  const initial = field.initialValue;
  const chosen = new Set(Array.isArray(initial) ? initial.map(String) : initial ? [String(initial)] : []);
  const describedBy = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field" aria-describedby={describedBy} aria-invalid={field.errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${field.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {options.map((o, i) => (
        <div key={o.value} className="field-checkbox">
          <input type={type} id={`${field.id}-${i}`} name={field.name} value={o.value} defaultChecked={chosen.has(o.value)} />
          <label htmlFor={`${field.id}-${i}`}>{o.label}</label>
        </div>
      ))}
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
