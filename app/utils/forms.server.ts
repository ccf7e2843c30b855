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

/** A refusal that belongs to one field of the form (shown next to that input). */
export function fieldRefusal(field: string, message: string): Refusal & { fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

/** A refusal of the form as a whole (shown above the form). */
export function formRefusal(message: string): Refusal & { formErrors: string[] } {
  return { ok: false, formErrors: [message] };
}

/** Every message of a refusal, form errors first: for answers that show one line (a toast, a report row). */
export function refusalMessages(refusal: Refusal): string[] {
  return [...(refusal.formErrors ?? []), ...Object.values(refusal.fieldErrors ?? {}).flat()];
}

/**
 * Thrown inside a transaction to roll it back with a refusal; the function that opened the
 * transaction catches it and returns `refusal`. Never leaves the domain.
 */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusalMessages(refusal)[0] ?? "refused");
  }
}

/**
 * The action's answer to an invalid or refused form: the submission reply (errors from the schema, or
 * the refusal's field and form errors) under `result`, with any `extra` keys, and status 400.
 */
export function formReply<E extends Record<string, unknown> = Record<never, never>>(submission: Submission<unknown>, refusal?: Refusal, extra?: E) {
  const result = submission.reply(refusal ? { fieldErrors: refusal.fieldErrors, formErrors: refusal.formErrors } : undefined);
  return data({ ...(extra as E), result }, { status: 400 });
}
