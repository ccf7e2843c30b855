import { key } from "~/i18n/translate";

// Validation messages several forms share, as keys (the form's ErrorList shows them in the reader's
// language, docs/i18n.md step 4). A key carries no values, so each length limit has its own.

export type MaxLength = 40 | 60 | 80 | 120 | 200 | 254 | 300 | 500 | 5000 | 10000;

/** "Use at most 200 characters." */
export const atMost = (max: MaxLength) => key(`common:form.max.${max}`);
