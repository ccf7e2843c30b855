import { z } from "zod";
import { key } from "~/i18n/translate";

export const loginSchema = z.object({
  email: z
    .string({ required_error: key("account:error.emailRequired") })
    .trim()
    .max(254, key("account:error.emailTooLong"))
    .email(key("account:error.emailInvalid")),
  redirectTo: z.string().max(500).optional(),
});
