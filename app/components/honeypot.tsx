import { HONEYPOT_FIELD } from "~/domain/abuse/honeypot";
import { useTranslation } from "~/i18n/react";

/**
 * The honeypot of a public form. `hidden` keeps it out of sight without an inline style (which a strict
 * CSP would block); aria-hidden, tabIndex -1 and autocomplete off keep it away from screen readers,
 * the keyboard and autofill.
 */
export function HoneypotField() {
  const { t } = useTranslation(["common"]);
  return (
    <div hidden aria-hidden="true">
      <label htmlFor={`${HONEYPOT_FIELD}-hp`}>{t("common:form.honeypot")}</label>
      <input id={`${HONEYPOT_FIELD}-hp`} name={HONEYPOT_FIELD} type="text" defaultValue="" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
