import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { ErrorList, type Option } from "./forms";

// A fieldset of radio buttons or checkboxes with a legend and linked errors. Works without
// JavaScript: the user's last choice comes back through Conform's initialValue. Long lists (agencies)
// get `searchable`: the boxes scroll, the chosen ones come first, and with JavaScript a text filter
// hides the boxes that do not match (hidden boxes stay chosen and are submitted).

type Field = FieldMetadata<any, any, any>;

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function ChoiceGroup({
  field,
  legend,
  options,
  type,
  hint,
  searchable,
}: {
  field: Field;
  legend: string;
  options: Option[];
  type: "radio" | "checkbox";
  hint?: string;
  searchable?: boolean;
}) {
  const { t } = useTranslation(["common"]);
  const initial = field.initialValue;
  const chosen = new Set(Array.isArray(initial) ? initial.map(String) : initial ? [String(initial)] : []);
  const describedBy = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [filter, setFilter] = useState("");
  const shown = searchable ? [...options.filter((o) => chosen.has(o.value)), ...options.filter((o) => !chosen.has(o.value))] : options;
  const needle = fold(filter.trim());
  const boxes = shown.map((o, i) => (
    <div key={o.value} className="field-checkbox" hidden={needle ? !fold(o.label).includes(needle) : undefined}>
      <input type={type} id={`${field.id}-${i}`} name={field.name} value={o.value} defaultChecked={chosen.has(o.value)} />
      <label htmlFor={`${field.id}-${i}`} lang={o.lang}>
        {o.label}
      </label>
    </div>
  ));
  return (
    <fieldset className="field" aria-describedby={describedBy} aria-invalid={field.errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${field.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {searchable && hydrated ? (
        <div className="field">
          <label htmlFor={`${field.id}-filter`}>{t("common:form.filterList")}</label>
          <input id={`${field.id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} autoComplete="off" />
        </div>
      ) : null}
      {searchable ? <div style={{ maxHeight: "16rem", overflowY: "auto", border: "1px solid var(--line)", padding: ".25rem .5rem" }}>{boxes}</div> : boxes}
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
