import { z } from "zod";
import { PRIORITIES, STATUSES } from "./status";

// Form schemas shared by the browser (Conform) and the actions (parseWithZod). Checks that need the
// database (code taken, agenda item of another meeting, due date before the meeting) are made in
// recommendations.server.ts and come back as field errors in the same shape.

const id = z.string().trim().max(40, "Choose from the list.");
const optionalId = id.optional();
const dateInput = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date such as 2027-03-31.")
  .optional();

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

export const recommendationSchema = z.object({
  code: z
    .string({ required_error: "Enter a reference code, e.g. BRU-2026-01." })
    .trim()
    .max(40, "A reference code has at most 40 characters.")
    .regex(CODE_RE, "Use letters, digits, dots, dashes or slashes, e.g. BRU-2026-01."),
  title: z.string({ required_error: "Enter a short title." }).trim().max(300, "A title has at most 300 characters."),
  text: z.string({ required_error: "Enter the full text of the recommendation." }).trim().max(10_000, "The text has at most 10,000 characters."),
  rationale: z.string().trim().max(5_000, "The rationale has at most 5,000 characters.").optional(),
  meetingId: z.string({ required_error: "Choose the meeting where it was made." }).trim().max(40, "Choose a meeting from the list."),
  agendaItemId: optionalId,
  leadAgencyId: z.string({ required_error: "Choose the lead agency." }).trim().max(40, "Choose an agency from the list."),
  supportingAgencyIds: z.array(id).max(50, "Choose at most 50 supporting agencies.").default([]),
  themeIds: z.array(id).max(20, "Choose at most 20 themes.").default([]),
  priority: z.enum(PRIORITIES, { errorMap: () => ({ message: "Choose high, medium or low." }) }).default("MEDIUM"),
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
  toStatus: z.enum(STATUSES, { errorMap: () => ({ message: "Choose a status from the list." }) }),
  progress: z.number({ invalid_type_error: "Enter a whole number from 0 to 100." }).int("Enter a whole number from 0 to 100.").min(0, "Enter a whole number from 0 to 100.").max(100, "Enter a whole number from 0 to 100.").optional(),
  closingEvidence: z.string().trim().max(2_000, "The evidence has at most 2,000 characters.").optional(),
  supersededByCode: z.string().trim().max(40, "A reference code has at most 40 characters.").optional(),
  note: z.string().trim().max(2_000, "The note has at most 2,000 characters.").optional(),
});
export type TransitionInput = Omit<z.infer<typeof transitionSchema>, "intent">;

export const progressUpdateSchema = z.object({
  intent: z.literal("progress").optional(),
  text: z.string({ required_error: "Describe what was done since the last update." }).trim().max(5_000, "An update has at most 5,000 characters."),
  newStatus: z.enum(STATUSES, { errorMap: () => ({ message: "Choose a status from the list." }) }).optional(),
  newProgress: z.number({ invalid_type_error: "Enter a whole number from 0 to 100." }).int("Enter a whole number from 0 to 100.").min(0, "Enter a whole number from 0 to 100.").max(100, "Enter a whole number from 0 to 100.").optional(),
  evidenceUrl: z.string().trim().max(500, "A link has at most 500 characters.").url("Enter a full link starting with https://.").refine((u) => /^https?:\/\//i.test(u), "Enter a link starting with https://.").optional(),
  // Conform drops a file input left empty; the content is checked on the server (checkEvidenceFile).
  evidenceFile: z.instanceof(File, { message: "Choose the evidence file again." }).optional(),
});
export type ProgressUpdateInput = Omit<z.infer<typeof progressUpdateSchema>, "intent">;

export const reviewDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), updateId: id, reviewNote: z.string().trim().max(2_000, "The note has at most 2,000 characters.").optional(), redirectTo: z.string().max(500, "The page to return to is not valid.").optional() }),
  z.object({
    intent: z.literal("return"),
    updateId: id,
    reviewNote: z.string({ required_error: "Say why the update is returned, so the focal point can fix it." }).trim().max(2_000, "The note has at most 2,000 characters."),
    redirectTo: z.string().max(500, "The page to return to is not valid.").optional(),
  }),
]);

export const addReviewSchema = z.object({
  intent: z.literal("add-review"),
  meetingId: z.string({ required_error: "Choose the meeting that reviews it." }).trim().max(40, "Choose a meeting from the list."),
  agendaItemId: optionalId,
  outcome: z.string().trim().max(2_000, "The outcome has at most 2,000 characters.").optional(),
});

export const reviewOutcomeSchema = z.object({
  intent: z.literal("outcome"),
  reviewId: id,
  outcome: z.string({ required_error: "Write the outcome agreed at the meeting." }).trim().max(2_000, "The outcome has at most 2,000 characters."),
});

const percent = z.number({ invalid_type_error: "Enter a whole number from 0 to 100." }).int("Enter a whole number from 0 to 100.").min(0, "Enter a whole number from 0 to 100.").max(100, "Enter a whole number from 0 to 100.");
const statusChoice = z.enum(STATUSES, { errorMap: () => ({ message: "Choose a status from the list." }) });

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
  outcome: z.string().trim().max(2_000, "The outcome has at most 2,000 characters.").default(""),
  status: statusChoice,
  progress: percent.optional(),
  note: z.string().trim().max(2_000, "The note has at most 2,000 characters.").default(""),
});
export type ReviewRowInput = z.infer<typeof reviewRowSchema>;

export const reviewTableSchema = z.object({
  intent: z.literal("review-table"),
  rows: z.array(reviewRowSchema).max(1_000, "Too many rows in one form.").default([]),
});

export const IMPORT_MAX_BYTES = 1_000_000;
export const importSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a CSV file." })
    .refine((f) => f.size > 0, "Choose a CSV file; this one is empty.")
    .refine((f) => f.size <= IMPORT_MAX_BYTES, "The file is larger than 1 MB; split it in parts."),
});

/** Columns of the CSV import (the export adds progress and closing_evidence). */
export const IMPORT_COLUMNS = ["code", "title", "text", "rationale", "themes", "meeting", "lead_agency", "supporting_agencies", "priority", "due_date", "status"] as const;
