import type { TKey } from "~/i18n/translate";

// Messages made where no reader is known (Zod schemas shared by form and action, domain refusals) are
// translation keys, translated where they are shown (ErrorList, FormErrors, `t`). This marker returns the
// key unchanged; its name lets `npm run i18n:check` see the key as used, and its type lets tsc check it exists.
export const t = (key: TKey<"recommendations">): TKey<"recommendations"> => key;
