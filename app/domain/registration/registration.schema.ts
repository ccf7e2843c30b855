import { z } from "zod";
import { REGISTRATION_ROLES } from "./labels";

// Registration forms: one schema per form, shared by Conform in the browser and the actions.

export { ATTENDANCE, REGISTRATION_ROLES, REGISTRATION_STATUSES, ROLE_LABELS, STATUS_LABELS } from "./labels";
export type { Attendance, RegistrationRole, RegistrationStatus } from "./labels";

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters.`)
    .optional()
    .transform((v) => v ?? "");

export const nameField = z
  .string({ required_error: "Enter the full name." })
  .trim()
  .min(2, "Enter the full name.")
  .max(120, "A name has at most 120 characters.");

export const emailField = z
  .string({ required_error: "Enter an email address." })
  .trim()
  .max(254, "An email address has at most 254 characters.")
  .email("Enter an email address such as name@agency.org.");

export const agencyField = z.string({ required_error: "Choose an agency from the list." }).trim().min(1, "Choose an agency from the list.").max(40, "Choose an agency from the list.");

export const roleField = z.enum(REGISTRATION_ROLES, {
  errorMap: () => ({ message: "Choose a role at the meeting." }),
});

/** Fields a person can change on their own registration. */
export const detailsShape = {
  name: nameField,
  jobTitle: text(160, "A job title"),
  role: roleField,
  dietary: text(500, "Dietary needs"),
  accessibility: text(500, "Accessibility needs"),
  listConsent: z.boolean().optional().transform((v) => v ?? false),
};

export const registrationSchema = z.object({
  ...detailsShape,
  email: emailField,
  agencyId: agencyField,
  consent: z.boolean({ required_error: "You must accept the privacy notice to register." }).refine((v) => v, {
    message: "You must accept the privacy notice to register.",
  }),
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

/** An organiser adding one person (a late speaker, a VIP): no consent box, the person is told by mail. */
export const organiserAddSchema = z.object({
  intent: z.literal("add"),
  ...detailsShape,
  email: emailField,
  agencyId: agencyField,
});

/** What a focal point may change about one of their delegates (consent choices stay the person's). */
export const delegateEditSchema = z.object({
  name: nameField,
  jobTitle: detailsShape.jobTitle,
  role: roleField,
  dietary: detailsShape.dietary,
  accessibility: detailsShape.accessibility,
});

export const editRegistrationSchema = z.object({ intent: z.literal("edit"), ...detailsShape });

/** One row of the focal point's delegation form; fully blank rows are skipped. */
export const delegateRowSchema = z.object({
  name: nameField,
  email: emailField,
  jobTitle: text(160, "A job title"),
  role: roleField,
});

export const delegationFormSchema = z.object({
  delegates: z
    .array(
      z
        .object({
          name: z.string().optional(),
          email: z.string().optional(),
          jobTitle: z.string().optional(),
          role: z.string().optional(),
        })
        .optional(),
    )
    .max(20, "Enter at most 20 delegates at a time.")
    .transform((rows) => rows.map((r) => r ?? {})),
});

export const delegationSettingsSchema = z.object({
  intent: z.literal("delegation"),
  agencyId: agencyField,
  quota: z.coerce.number({ invalid_type_error: "Enter a whole number." }).int("Enter a whole number.").min(0, "Enter 0 or more.").max(10_000, "Enter at most 10,000.").optional(),
  reservedSeats: z.coerce.number({ invalid_type_error: "Enter a whole number." }).int("Enter a whole number.").min(0, "Enter 0 or more.").max(10_000, "Enter at most 10,000.").optional().transform((v) => v ?? 0),
  headRegistrationId: z.string().max(40, "Choose the head of delegation from the list.").optional(),
});

export const invitationSchema = z
  .object({
    intent: z.literal("invite"),
    agencyId: z.string().max(40, "Choose an agency from the list.").optional(),
    email: emailField.optional(),
    /** local date and time in the meeting's zone; empty = when registration closes */
    expiresAt: z.string().max(40, "Enter a date and time such as 2027-03-01 18:00.").optional(),
  })
  .refine((v) => v.agencyId || v.email, { message: "Choose an agency or enter an email address.", path: ["agencyId"] });

/** Columns an organiser can choose for the CSV export; their headers are `registrations:csv.column.*` in the reader's language. */
export const CSV_COLUMNS = ["name", "email", "agency", "country", "jobTitle", "role", "status", "waitlistRank", "attendance", "dietary", "accessibility", "registeredAt"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const DEFAULT_CSV_COLUMNS: CsvColumn[] = ["name", "email", "agency", "country", "jobTitle", "role", "status"];
