import { z } from "zod";
import type { TKey } from "~/i18n/translate";
import { REGISTRATION_ROLES } from "./labels";

// Registration forms: one schema per form, shared by Conform in the browser and the actions. Messages are
// translation keys, shown in the reader's language by ErrorList (docs/i18n.md step 4).

/** Marks a message key; named `t` so that npm run i18n:check counts the key as used (and tsc checks it exists). */
const t = (key: TKey<"registration">) => key;

export { ATTENDANCE, REGISTRATION_ROLES, REGISTRATION_STATUSES, ROLE_LABELS, STATUS_LABELS } from "./labels";
export type { Attendance, RegistrationRole, RegistrationStatus } from "./labels";

const text = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v ?? "");

export const nameField = z
  .string({ required_error: t("registration:error.nameRequired") })
  .trim()
  .min(2, t("registration:error.nameRequired"))
  .max(120, t("registration:error.nameTooLong"));

export const emailField = z
  .string({ required_error: t("registration:error.emailRequired") })
  .trim()
  .max(254, t("registration:error.emailTooLong"))
  .email(t("registration:error.emailInvalid"));

export const agencyField = z
  .string({ required_error: t("registration:error.agencyRequired") })
  .trim()
  .min(1, t("registration:error.agencyRequired"))
  .max(40, t("registration:error.agencyRequired"));

export const roleField = z.enum(REGISTRATION_ROLES, {
  errorMap: () => ({ message: t("registration:error.roleRequired") }),
});

/** Fields a person can change on their own registration. */
export const detailsShape = {
  name: nameField,
  jobTitle: text(160, t("registration:error.jobTitleTooLong")),
  role: roleField,
  dietary: text(500, t("registration:error.dietaryTooLong")),
  accessibility: text(500, t("registration:error.accessibilityTooLong")),
  listConsent: z.boolean().optional().transform((v) => v ?? false),
};

export const registrationSchema = z.object({
  ...detailsShape,
  email: emailField,
  agencyId: agencyField,
  consent: z.boolean({ required_error: t("registration:error.consentRequired") }).refine((v) => v, {
    message: t("registration:error.consentRequired"),
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
  jobTitle: text(160, t("registration:error.jobTitleTooLong")),
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
    .max(20, t("registration:error.tooManyDelegates"))
    .transform((rows) => rows.map((r) => r ?? {})),
});

const seats = () =>
  z.coerce
    .number({ invalid_type_error: t("registration:error.wholeNumber") })
    .int(t("registration:error.wholeNumber"))
    .min(0, t("registration:error.zeroOrMore"))
    .max(10_000, t("registration:error.atMost10000"));

export const delegationSettingsSchema = z.object({
  intent: z.literal("delegation"),
  agencyId: agencyField,
  quota: seats().optional(),
  reservedSeats: seats()
    .optional()
    .transform((v) => v ?? 0),
  headRegistrationId: z.string().max(40, t("registration:error.headFromList")).optional(),
});

export const invitationSchema = z
  .object({
    intent: z.literal("invite"),
    agencyId: z.string().max(40, t("registration:error.agencyRequired")).optional(),
    email: emailField.optional(),
    /** local date and time in the meeting's zone; empty = when registration closes */
    expiresAt: z.string().max(40, t("registration:error.dateTime")).optional(),
  })
  .refine((v) => v.agencyId || v.email, { message: t("registration:error.agencyOrEmail"), path: ["agencyId"] });

/** Columns an organiser can choose for the CSV export (labels are the CSV header). */
export const CSV_COLUMN_LABELS = {
  name: "Name",
  email: "Email",
  agency: "Agency",
  country: "Country",
  jobTitle: "Job title",
  role: "Role",
  status: "Status",
  waitlistRank: "Waiting list rank",
  attendance: "Attendance",
  dietary: "Dietary needs",
  accessibility: "Accessibility needs",
  registeredAt: "Registered at (UTC)",
} as const;
export type CsvColumn = keyof typeof CSV_COLUMN_LABELS;
export const DEFAULT_CSV_COLUMNS: CsvColumn[] = ["name", "email", "agency", "country", "jobTitle", "role", "status"];
