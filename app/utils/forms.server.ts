import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";

// One shape for refusals (decision record 050): a domain function that refuses a form answers
// `{ ok: false, fieldErrors?, formErrors? }`; `formReply` turns that (or a failed parse) into the
// Conform reply, with 400 and the person's input kept. 403 and 404 are thrown Responses instead
// (forbidden/notFound in http.server.ts), never a form reply.

export type FieldErrors = Record<string, string[]>;
export type Refusal = { ok: false; fieldErrors?: FieldErrors; formErrors?: string[] };
/** What a domain function that can refuse returns. */
export type Outcome<T = { id: string }> = ({ ok: true } & T) | Refusal;

/**
 * The action's answer to an invalid or refused form: the submission reply (errors from the schema, or
 * the refusal's field and form errors) under `result`, with any `extra` keys, and status 400.
 */
export function formReply<E extends Record<string, unknown> = Record<never, never>>(submission: Submission<unknown>, refusal?: Refusal, extra?: E) {
  const result = submission.reply(refusal ? { fieldErrors: refusal.fieldErrors, formErrors: refusal.formErrors } : undefined);
  return data({ ...(extra as E), result }, { status: 400 });
}
