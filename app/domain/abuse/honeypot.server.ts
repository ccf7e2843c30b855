import { key } from "~/i18n/translate";
import { badRequest } from "~/utils/http.server";
import { HONEYPOT_FIELD } from "./honeypot";

/** Answers 400 before anything is done when the hidden field was filled in. */
export function rejectHoneypot(form: FormData): void {
  const value = form.get(HONEYPOT_FIELD);
  if (value !== null && value !== "") badRequest(key("common:error.refused.formNotSent"));
}
