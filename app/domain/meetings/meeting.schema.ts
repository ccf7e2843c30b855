import { z } from "zod";
import { fromLocalInput, isValidTimeZone } from "~/utils/dates";
import { SLUG_RE } from "~/domain/series/series.schema";
import { APPROVAL_MODES, FORMATS, VISIBILITIES } from "./labels";

export { APPROVAL_LABELS, APPROVAL_MODES, FORMAT_LABELS, FORMATS, VISIBILITIES, VISIBILITY_LABELS } from "./labels";

const text = (max: number) => z.string().trim().max(max, `Use at most ${max.toLocaleString("en")} characters.`).optional();
const required = (max: number, message: string) =>
  z.string({ required_error: message }).trim().min(1, message).max(max, `Use at most ${max.toLocaleString("en")} characters.`);
const localTime = z.string().trim().max(20, "Enter a date and time.");
type DateKey = "startsAt" | "endsAt" | "registrationOpensAt" | "registrationClosesAt";

/** Reads datetime-local values in the meeting's zone; errors land on the field that is wrong. */
export const meetingSchema = z
  .object({
    title: required(200, "Enter a title."),
    slug: z.string().trim().toLowerCase().max(80, "Use at most 80 characters.").regex(SLUG_RE, "Use lower-case letters, digits and hyphens.").optional(),
    description: text(10_000),
    seriesId: z.string().max(40, "Choose a series from the list.").optional(),
    venue: text(200),
    room: text(200),
    city: text(120),
    timeZone: required(64, "Choose a time zone.").refine(isValidTimeZone, "Choose a time zone from the list, e.g. Europe/Brussels."),
    startsAt: localTime.optional(),
    endsAt: localTime.optional(),
    format: z.enum(FORMATS, { errorMap: () => ({ message: "Choose a format." }) }),
    onlineLink: z.string().trim().max(500, "Use at most 500 characters.").url("Enter a full link starting with https://").refine((u) => /^https?:\/\//.test(u), "Enter a full link starting with https://").optional(),
    languages: z
      .string()
      .trim()
      .toLowerCase()
      .max(60, "Use at most 60 characters.")
      .regex(/^[a-z]{2}(\s*,\s*[a-z]{2})*$/, "Enter two-letter language codes separated by commas, e.g. en,fr.")
      .transform((v) => v.split(",").map((s) => s.trim()).join(",")),
    capacity: z.number({ invalid_type_error: "Enter a whole number." }).int("Enter a whole number.").min(1, "Enter at least 1.").max(100_000, "Enter at most 100,000.").optional(),
    visibility: z.enum(VISIBILITIES, { errorMap: () => ({ message: "Choose who can see the meeting." }) }),
    organiserName: text(200),
    organiserEmail: z.string().trim().max(254, "Use at most 254 characters.").email("Enter an email address such as name@agency.org.").optional(),
    fundingProgramme: text(200),
    approvalMode: z.enum(APPROVAL_MODES, { errorMap: () => ({ message: "Choose how registrations are confirmed." }) }),
    registrationOpensAt: localTime.optional(),
    registrationClosesAt: localTime.optional(),
    retentionDays: z.number({ invalid_type_error: "Enter a whole number of days." }).int("Enter a whole number of days.").min(1, "Enter at least 1 day.").max(3650, "Keep data at most 10 years (3650 days).").optional(),
    reminderOffsets: z
      .string()
      .trim()
      .toLowerCase()
      .max(60, "Use at most 60 characters.")
      .regex(/^\d{1,3}[dh](\s*,\s*\d{1,3}[dh])*$/, "Enter offsets such as 7d,1d,2h (d = days, h = hours before the start).")
      .transform((v) => v.split(",").map((s) => s.trim()).join(","))
      .optional(),
    participantListVisible: z.boolean().optional(),
  })
  // Cross-field checks in superRefine, which (unlike transform) also runs when another field has a
  // length or format error, so the user sees every problem at once.
  .superRefine((v, ctx) => {
    if (!isValidTimeZone(v.timeZone)) return;
    const read = (key: DateKey, needed: boolean) => {
      const raw = v[key];
      if (!raw) {
        if (needed) ctx.addIssue({ code: "custom", path: [key], message: "Enter a date and time." });
        return null;
      }
      const at = fromLocalInput(raw, v.timeZone);
      if (!at) ctx.addIssue({ code: "custom", path: [key], message: "Enter a real date and time, e.g. 2026-06-04 09:00." });
      return at;
    };
    const startsAt = read("startsAt", true);
    const endsAt = read("endsAt", true);
    const opens = read("registrationOpensAt", false);
    const closes = read("registrationClosesAt", false);
    if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start." });
    if (opens && closes && closes <= opens) ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "Registration must close after it opens." });
    if (v.format === "ONLINE" && !v.onlineLink) ctx.addIssue({ code: "custom", path: ["onlineLink"], message: "An online meeting needs its link." });
  })
  .transform((v) => {
    const at = (key: DateKey) => (v[key] ? fromLocalInput(v[key], v.timeZone) : null);
    // superRefine has checked start and end, so they are present and valid here.
    return { ...v, startsAt: at("startsAt")!, endsAt: at("endsAt")!, registrationOpensAt: at("registrationOpensAt"), registrationClosesAt: at("registrationClosesAt") };
  });
export type MeetingInput = z.output<typeof meetingSchema>;

export const cloneSchema = z.object({
  title: required(200, "Enter a title."),
  slug: z.string().trim().toLowerCase().max(80, "Use at most 80 characters.").regex(SLUG_RE, "Use lower-case letters, digits and hyphens.").optional(),
  date: z.string({ required_error: "Enter the date of the new session." }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date such as 2027-03-11."),
  addOpenRecommendations: z.boolean().optional(),
  inviteMembers: z.boolean().optional(),
});
export type CloneInput = z.infer<typeof cloneSchema>;

export const transitionSchema = z.object({ to: z.string().max(40, "Choose a status from the list.") });
