import { z } from "zod";
import type { TKey } from "~/i18n/translate";

/** Marks a message key, translated where the form shows it (ErrorList); named `t` for npm run i18n:check. */
const t = (key: TKey<"account">) => key;

export const loginSchema = z.object({
  email: z
    .string({ required_error: t("account:error.emailRequired") })
    .trim()
    .max(254, t("account:error.emailTooLong"))
    .email(t("account:error.emailInvalid")),
  redirectTo: z.string().max(500).optional(),
});
