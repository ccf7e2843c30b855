import { z } from "zod";

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const seriesSchema = z.object({
  name: z.string({ required_error: "Enter the name of the series." }).trim().min(2, "Enter the name of the series.").max(200, "Use at most 200 characters."),
  slug: z.string().trim().toLowerCase().max(80, "Use at most 80 characters.").regex(SLUG_RE, "Use lower-case letters, digits and hyphens, e.g. calais-group.").optional(),
  description: z.string().trim().max(5000, "Use at most 5,000 characters.").optional(),
  memberIds: z.array(z.string().max(40, "Choose member agencies from the list.")).max(500, "Choose at most 500 member agencies.").optional(),
});
export type SeriesInput = z.infer<typeof seriesSchema>;
