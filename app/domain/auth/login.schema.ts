import { z } from "zod";

export const loginSchema = z.object({
  email: z
    .string({ required_error: "Enter your email address." })
    .trim()
    .max(254, "An email address has at most 254 characters.")
    .email("Enter an email address such as name@agency.org."),
  redirectTo: z.string().max(500).optional(),
});
