// A field people never see and bots fill in: public forms carry it (components/honeypot.tsx) and their
// actions refuse a post where it has a value (honeypot.server.ts). docs/decisions/053-abuse-limits.md.

/** A name form-filling bots like to complete; browsers do not autofill hidden fields. */
export const HONEYPOT_FIELD = "website";
