import { HONEYPOT_FIELD } from "~/domain/abuse/honeypot";

/**
 * The honeypot of a public form. `hidden` keeps it out of sight without an inline style (which a strict
 * CSP would block); aria-hidden, tabIndex -1 and autocomplete off keep it away from screen readers,
 * the keyboard and autofill.
 */
export function HoneypotField() {
  return (
    <div hidden aria-hidden="true">
      <label htmlFor={`${HONEYPOT_FIELD}-hp`}>Leave this field empty</label>
      <input id={`${HONEYPOT_FIELD}-hp`} name={HONEYPOT_FIELD} type="text" defaultValue="" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
