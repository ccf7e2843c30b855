import { z } from "zod";
import { key } from "~/i18n/translate";
import { PRIORITIES, STATUSES } from "./status";

// Form schemas shared by the browser (Conform) and the actions (parseWithZod). Checks that need the
// database (code taken, agenda item of another meeting, due date before the meeting) are made in
// recommendations.server.ts and come back as field errors in the same shape.

const id = z.string().trim().max(40, key("recommendations:error.chooseFromList"));
const optionalId = id.optional();
const dateInput = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, key("recommendations:error.dateFormat"))
  .optional();

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

export const recommendationSchema = z.object({
  code: z
    .string({ required_error: key("recommendations:error.codeRequired") })
    .trim()
    .max(40, key("recommendations:error.codeTooLong"))
    .regex(CODE_RE, key("recommendations:error.codeChars")),
  title: z.string({ required_error: key("recommendations:error.titleRequired") }).trim().max(300, key("recommendations:error.titleTooLong")),
  text: z.string({ required_error: key("recommendations:error.textRequired") }).trim().max(10_000, key("recommendations:error.textTooLong")),
  rationale: z.string().trim().max(5_000, key("recommendations:error.rationaleTooLong")).optional(),
  meetingId: z.string({ required_error: key("recommendations:error.meetingRequired") }).trim().max(40, key("recommendations:error.meetingFromList")),
  agendaItemId: optionalId,
  leadAgencyId: z.string({ required_error: key("recommendations:error.leadRequired") }).trim().max(40, key("recommendations:error.agencyFromList")),
  supportingAgencyIds: z.array(id).max(50, key("recommendations:error.tooManySupporters")).default([]),
  themeIds: z.array(id).max(20, key("recommendations:error.tooManyThemes")).default([]),
  priority: z.enum(PRIORITIES, { errorMap: () => ({ message: key("recommendations:error.priority") }) }).default("MEDIUM"),
  dueDate: dateInput,
});
export type RecommendationInput = z.infer<typeof recommendationSchema>;

const DRAFT_FIELDS = ["code", "title", "text", "rationale", "meetingId", "agendaItemId", "leadAgencyId", "priority", "dueDate"] as const;
const DRAFT_LISTS = ["supportingAgencyIds", "themeIds"] as const;

/**
 * The form's values from the query string: without JavaScript, "Show its agenda items" sends the form
 * by GET so the page comes back with the chosen meeting's items and everything typed so far.
 */
export function draftFromSearch(params: URLSearchParams): Partial<Record<keyof RecommendationInput, string | string[]>> {
  const draft: Partial<Record<keyof RecommendationInput, string | string[]>> = {};
  for (const k of DRAFT_FIELDS) {
    const v = params.get(k);
    if (v) draft[k] = v.slice(0, 10_000);
  }
  for (const k of DRAFT_LISTS) if (params.has(k)) draft[k] = params.getAll(k).slice(0, 50);
  return draft;
}

export const transitionSchema = z.object({
  intent: z.literal("transition"),
  toStatus: z.enum(STATUSES, { errorMap: () => ({ message: key("recommendations:error.statusFromList") }) }),
  progress: z.number({ invalid_type_error: key("recommendations:error.percent") }).int(key("recommendations:error.percent")).min(0, key("recommendations:error.percent")).max(100, key("recommendations:error.percent")).optional(),
  closingEvidence: z.string().trim().max(2_000, key("recommendations:error.evidenceTooLong")).optional(),
  supersededByCode: z.string().trim().max(40, key("recommendations:error.codeTooLong")).optional(),
  note: z.string().trim().max(2_000, key("recommendations:error.noteTooLong")).optional(),
});
export type TransitionInput = Omit<z.infer<typeof transitionSchema>, "intent">;

export const progressUpdateSchema = z.object({
  intent: z.literal("progress").optional(),
  text: z.string({ required_error: key("recommendations:error.updateRequired") }).trim().max(5_000, key("recommendations:error.updateTooLong")),
  newStatus: z.enum(STATUSES, { errorMap: () => ({ message: key("recommendations:error.statusFromList") }) }).optional(),
  newProgress: z.number({ invalid_type_error: key("recommendations:error.percent") }).int(key("recommendations:error.percent")).min(0, key("recommendations:error.percent")).max(100, key("recommendations:error.percent")).optional(),
  evidenceUrl: z.string().trim().max(500, key("recommendations:error.linkTooLong")).url(key("recommendations:error.linkFull")).refine((u) => /^https?:\/\//i.test(u), key("recommendations:error.linkHttps")).optional(),
  // Conform drops a file input left empty; the content is checked on the server (checkEvidenceFile).
  evidenceFile: z.instanceof(File, { message: key("recommendations:error.fileAgain") }).optional(),
});
export type ProgressUpdateInput = Omit<z.infer<typeof progressUpdateSchema>, "intent">;

export const reviewDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), updateId: id, reviewNote: z.string().trim().max(2_000, key("recommendations:error.noteTooLong")).optional(), redirectTo: z.string().max(500, key("recommendations:error.redirectInvalid")).optional() }),
  z.object({
    intent: z.literal("return"),
    updateId: id,
    reviewNote: z.string({ required_error: key("recommendations:error.returnNoteRequired") }).trim().max(2_000, key("recommendations:error.noteTooLong")),
    redirectTo: z.string().max(500, key("recommendations:error.redirectInvalid")).optional(),
  }),
]);

export const addReviewSchema = z.object({
  intent: z.literal("add-review"),
  meetingId: z.string({ required_error: key("recommendations:error.reviewMeetingRequired") }).trim().max(40, key("recommendations:error.meetingFromList")),
  agendaItemId: optionalId,
  outcome: z.string().trim().max(2_000, key("recommendations:error.outcomeTooLong")).optional(),
});

export const reviewOutcomeSchema = z.object({
  intent: z.literal("outcome"),
  reviewId: id,
  outcome: z.string({ required_error: key("recommendations:error.outcomeRequired") }).trim().max(2_000, key("recommendations:error.outcomeTooLong")),
});

const percent = z.number({ invalid_type_error: key("recommendations:error.percent") }).int(key("recommendations:error.percent")).min(0, key("recommendations:error.percent")).max(100, key("recommendations:error.percent"));
const statusChoice = z.enum(STATUSES, { errorMap: () => ({ message: key("recommendations:error.statusFromList") }) });

/**
 * One row of a meeting's review table. `was*` are the values the page showed when it was loaded: a row
 * whose inputs still equal them is left alone, and they tell a repeated submit (the database already
 * holds the new values) from a change made by someone else meanwhile (decision 075).
 */
export const reviewRowSchema = z.object({
  reviewId: id,
  wasStatus: statusChoice,
  wasProgress: percent.default(0),
  wasOutcome: z.string().max(2_000).default(""),
  outcome: z.string().trim().max(2_000, key("recommendations:error.outcomeTooLong")).default(""),
  status: statusChoice,
  progress: percent.optional(),
  note: z.string().trim().max(2_000, key("recommendations:error.noteTooLong")).default(""),
});
export type ReviewRowInput = z.infer<typeof reviewRowSchema>;

export const reviewTableSchema = z.object({
  intent: z.literal("review-table"),
  rows: z.array(reviewRowSchema).max(1_000, key("recommendations:error.tooManyRows")).default([]),
});

export const IMPORT_MAX_BYTES = 1_000_000;
export const importSchema = z.object({
  file: z
    .instanceof(File, { message: key("recommendations:error.csvRequired") })
    .refine((f) => f.size > 0, key("recommendations:error.csvEmpty"))
    .refine((f) => f.size <= IMPORT_MAX_BYTES, key("recommendations:error.csvTooLarge")),
});

/**
 * Columns of the CSV import (the export adds progress and closing_evidence). `language` is the language of
 * the row's title and text (decision 089), optional: without it they are English, the original's default.
 */
export const IMPORT_COLUMNS = ["code", "title", "text", "rationale", "themes", "meeting", "lead_agency", "supporting_agencies", "priority", "due_date", "status", "language"] as const;
