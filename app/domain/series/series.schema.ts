import { z } from "zod";
import { key } from "~/i18n/translate";
import { atMost } from "~/utils/form-messages";

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const seriesSchema = z.object({
  name: z.string({ required_error: key("admin:series.error.name") }).trim().min(2, key("admin:series.error.name")).max(200, atMost(200)),
  slug: z.string().trim().toLowerCase().max(80, atMost(80)).regex(SLUG_RE, key("admin:series.error.slug")).optional(),
  description: z.string().trim().max(5000, atMost(5000)).optional(),
  memberIds: z.array(z.string().max(40, key("admin:series.error.members"))).max(500, key("admin:series.error.membersMax")).optional(),
});
export type SeriesInput = z.infer<typeof seriesSchema>;
