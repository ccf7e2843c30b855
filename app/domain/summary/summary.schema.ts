import { z } from "zod";
import { key } from "~/i18n/translate";

// The summary record editor's one form (docs/decisions/078-summary-record.md). Plain data and zod only,
// so the browser can validate with the same schema.

/** The longest body accepted, in characters: a long summary record is some 30,000. */
export const SUMMARY_MAX_CHARS = 60_000;

/** Who may read a published summary record: a subset of the document audiences. */
export const SUMMARY_VISIBILITIES = ["PARTICIPANTS", "PUBLIC"] as const;
export type SummaryVisibility = (typeof SUMMARY_VISIBILITIES)[number];

/** The placeholders the renderer fills from the records, each on a line of its own. */
export const PLACEHOLDERS = { attendance: "{{attendance}}", recommendations: "{{recommendations}}" } as const;

export const SUMMARY_INTENTS = ["draft", "preview", "save", "publish", "unpublish"] as const;

export const summarySchema = z.object({
  intent: z.enum(SUMMARY_INTENTS, { errorMap: () => ({ message: key("admin:summary.error.intent") }) }),
  body: z
    .string()
    .max(SUMMARY_MAX_CHARS, key("admin:summary.error.tooLong"))
    .default(""),
  visibility: z.enum(SUMMARY_VISIBILITIES, { errorMap: () => ({ message: key("admin:summary.error.visibility") }) }).default("PARTICIPANTS"),
  /** the record's updatedAt when the page was loaded ("" when there was none): refuses overwriting a newer save */
  updatedAt: z.string().max(40, key("admin:summary.error.outOfDate")).default(""),
});
export type SummaryInput = z.infer<typeof summarySchema>;
