import { z } from "zod";
import { key } from "~/i18n/translate";
import { REGISTRATION_ROLES } from "./labels";

// Registration forms: one schema per form, shared by Conform in the browser and the actions. Messages are
// translation keys, shown in the reader's language by ErrorList (docs/i18n.md step 4).

export { ATTENDANCE, REGISTRATION_ROLES, REGISTRATION_STATUSES } from "./labels";
export type { Attendance, RegistrationRole, RegistrationStatus } from "./labels";

const text = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v ?? "");

export const nameField = z
  .string({ required_error: key("registration:error.nameRequired") })
  .trim()
  .min(2, key("registration:error.nameRequired"))
  .max(120, key("registration:error.nameTooLong"));

export const emailField = z
  .string({ required_error: key("registration:error.emailRequired") })
  .trim()
  .max(254, key("registration:error.emailTooLong"))
  .email(key("registration:error.emailInvalid"));

export const agencyField = z
  .string({ required_error: key("registration:error.agencyRequired") })
  .trim()
  .min(1, key("registration:error.agencyRequired"))
  .max(40, key("registration:error.agencyRequired"));

export const roleField = z.enum(REGISTRATION_ROLES, {
  errorMap: () => ({ message: key("registration:error.roleRequired") }),
});

/** Fields a person can change on their own registration. */
export const detailsShape = {
  name: nameField,
  jobTitle: text(160, key("registration:error.jobTitleTooLong")),
  role: roleField,
  dietary: text(500, key("registration:error.dietaryTooLong")),
  accessibility: text(500, key("registration:error.accessibilityTooLong")),
  listConsent: z.boolean().optional().transform((v) => v ?? false),
};

export const registrationSchema = z.object({
  ...detailsShape,
  email: emailField,
  agencyId: agencyField,
  consent: z.boolean({ required_error: key("registration:error.consentRequired") }).refine((v) => v, {
    message: key("registration:error.consentRequired"),
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
  jobTitle: text(160, key("registration:error.jobTitleTooLong")),
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
    .max(20, key("registration:error.tooManyDelegates"))
    .transform((rows) => rows.map((r) => r ?? {})),
});

const seats = () =>
  z.coerce
    .number({ invalid_type_error: key("registration:error.wholeNumber") })
    .int(key("registration:error.wholeNumber"))
    .min(0, key("registration:error.zeroOrMore"))
    .max(10_000, key("registration:error.atMost10000"));

export const delegationSettingsSchema = z.object({
  intent: z.literal("delegation"),
  agencyId: agencyField,
  quota: seats().optional(),
  reservedSeats: seats()
    .optional()
    .transform((v) => v ?? 0),
  headRegistrationId: z.string().max(40, key("registration:error.headFromList")).optional(),
});

export const invitationSchema = z
  .object({
    intent: z.literal("invite"),
    agencyId: z.string().max(40, key("registration:error.agencyRequired")).optional(),
    email: emailField.optional(),
    /** local date and time in the meeting's zone; empty = when registration closes */
    expiresAt: z.string().max(40, key("registration:error.dateTime")).optional(),
  })
  .refine((v) => v.agencyId || v.email, { message: key("registration:error.agencyOrEmail"), path: ["agencyId"] });

/** Columns an organiser can choose for the CSV export; their headers are `registrations:csv.column.*` in the reader's language. */
export const CSV_COLUMNS = ["name", "email", "agency", "country", "jobTitle", "role", "status", "waitlistRank", "attendance", "dietary", "accessibility", "registeredAt"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const DEFAULT_CSV_COLUMNS: CsvColumn[] = ["name", "email", "agency", "country", "jobTitle", "role", "status"];
