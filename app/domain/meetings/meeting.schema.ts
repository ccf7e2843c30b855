import { z } from "zod";
import { fromLocalInput, isValidTimeZone } from "~/utils/dates";
import { SLUG_RE } from "~/domain/series/series.schema";
import { key } from "~/i18n/translate";
import { atMost, type MaxLength } from "~/utils/form-messages";
import { APPROVAL_MODES, FORMATS, VISIBILITIES } from "./labels";

export { APPROVAL_MODES, FORMATS, VISIBILITIES } from "./labels";

// Messages are keys (admin namespace), translated where the form shows them.
const text = (max: MaxLength) => z.string().trim().max(max, atMost(max)).optional();
const required = (max: MaxLength, message: string) => z.string({ required_error: message }).trim().min(1, message).max(max, atMost(max));
const localTime = z.string().trim().max(20, key("admin:error.dateTime"));
const slug = z.string().trim().toLowerCase().max(80, atMost(80)).regex(SLUG_RE, key("admin:error.slug")).optional();
type DateKey = "startsAt" | "endsAt" | "registrationOpensAt" | "registrationClosesAt";

/** Reads datetime-local values in the meeting's zone; errors land on the field that is wrong. */
export const meetingSchema = z
  .object({
    title: required(200, key("admin:error.title")),
    slug,
    description: text(10_000),
    seriesId: z.string().max(40, key("admin:error.series")).optional(),
    venue: text(200),
    room: text(200),
    city: text(120),
    timeZone: z.string({ required_error: key("admin:error.timeZone") }).trim().min(1, key("admin:error.timeZone")).max(64, key("admin:error.timeZone")).refine(isValidTimeZone, key("admin:error.timeZoneList")),
    startsAt: localTime.optional(),
    endsAt: localTime.optional(),
    format: z.enum(FORMATS, { errorMap: () => ({ message: key("admin:error.format") }) }),
    onlineLink: z.string().trim().max(500, atMost(500)).url(key("admin:error.link")).refine((u) => /^https?:\/\//.test(u), key("admin:error.link")).optional(),
    languages: z
      .string()
      .trim()
      .toLowerCase()
      .max(60, atMost(60))
      .regex(/^[a-z]{2}(\s*,\s*[a-z]{2})*$/, key("admin:error.languages"))
      .transform((v) => v.split(",").map((s) => s.trim()).join(",")),
    capacity: z.number({ invalid_type_error: key("admin:error.wholeNumber") }).int(key("admin:error.wholeNumber")).min(1, key("admin:error.atLeastOne")).max(100_000, key("admin:error.capacityMax")).optional(),
    visibility: z.enum(VISIBILITIES, { errorMap: () => ({ message: key("admin:error.visibility") }) }),
    organiserName: text(200),
    organiserEmail: z.string().trim().max(254, atMost(254)).email(key("admin:error.email")).optional(),
    fundingProgramme: text(200),
    approvalMode: z.enum(APPROVAL_MODES, { errorMap: () => ({ message: key("admin:error.approval") }) }),
    registrationOpensAt: localTime.optional(),
    registrationClosesAt: localTime.optional(),
    retentionDays: z.number({ invalid_type_error: key("admin:error.wholeDays") }).int(key("admin:error.wholeDays")).min(1, key("admin:error.atLeastOneDay")).max(3650, key("admin:error.retentionMax")).optional(),
    reminderOffsets: z
      .string()
      .trim()
      .toLowerCase()
      .max(60, atMost(60))
      .regex(/^\d{1,3}[dh](\s*,\s*\d{1,3}[dh])*$/, key("admin:error.reminders"))
      .transform((v) => v.split(",").map((s) => s.trim()).join(","))
      .optional(),
    participantListVisible: z.boolean().optional(),
  })
  // Cross-field checks in superRefine, which (unlike transform) also runs when another field has a
  // length or format error, so the user sees every problem at once.
  .superRefine((v, ctx) => {
    if (!isValidTimeZone(v.timeZone)) return;
    const read = (field: DateKey, needed: boolean) => {
      const raw = v[field];
      if (!raw) {
        if (needed) ctx.addIssue({ code: "custom", path: [field], message: key("admin:error.dateTime") });
        return null;
      }
      const at = fromLocalInput(raw, v.timeZone);
      if (!at) ctx.addIssue({ code: "custom", path: [field], message: key("admin:error.realDateTime") });
      return at;
    };
    const startsAt = read("startsAt", true);
    const endsAt = read("endsAt", true);
    const opens = read("registrationOpensAt", false);
    const closes = read("registrationClosesAt", false);
    if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: key("admin:error.endAfterStart") });
    if (opens && closes && closes <= opens) ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: key("admin:error.closeAfterOpen") });
    if (v.format === "ONLINE" && !v.onlineLink) ctx.addIssue({ code: "custom", path: ["onlineLink"], message: key("admin:error.onlineNeedsLink") });
  })
  .transform((v) => {
    const at = (key: DateKey) => (v[key] ? fromLocalInput(v[key], v.timeZone) : null);
    // superRefine has checked start and end, so they are present and valid here.
    return { ...v, startsAt: at("startsAt")!, endsAt: at("endsAt")!, registrationOpensAt: at("registrationOpensAt"), registrationClosesAt: at("registrationClosesAt") };
  });
export type MeetingInput = z.output<typeof meetingSchema>;

export const cloneSchema = z.object({
  title: required(200, key("admin:error.title")),
  slug,
  date: z.string({ required_error: key("admin:error.cloneDate") }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, key("admin:error.cloneDateFormat")),
  addOpenRecommendations: z.boolean().optional(),
  inviteMembers: z.boolean().optional(),
});
export type CloneInput = z.infer<typeof cloneSchema>;

export const transitionSchema = z.object({ to: z.string().max(40, key("admin:error.status")) });
