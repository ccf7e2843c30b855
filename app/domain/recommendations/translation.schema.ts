import { z } from "zod";
import { LANGUAGES } from "~/i18n/config";
import { key } from "~/i18n/translate";

// Recommendations and themes in two languages (decision 080): the recommendation's translation form
// (recommendations.$id.translation) and the themes form (recommendations.themes). Empty = not translated.
// Messages are keys (ErrorList translates them).

const language = z.enum(LANGUAGES, { errorMap: () => ({ message: key("recommendations:error.language") }) });

export const recommendationTranslationSchema = z.object({
  /** A fingerprint of the original and its translation when the form was made: a save meanwhile refuses this one. */
  stamp: z.string().max(100).optional().default(""),
  language,
  into: language,
  title: z.string().trim().max(300, key("recommendations:error.titleTooLong")).optional().default(""),
  text: z.string().trim().max(10_000, key("recommendations:error.textTooLong")).optional().default(""),
});
export type RecommendationTranslationInput = z.infer<typeof recommendationTranslationSchema>;

export const themeTranslationsSchema = z.object({
  stamp: z.string().max(100).optional().default(""),
  themes: z
    .array(z.object({ id: z.string().max(40, key("recommendations:error.themeGone")), name: z.string().trim().max(100, key("recommendations:error.themeNameTooLong")).optional().default("") }))
    .max(500, key("recommendations:error.tooManyRows"))
    .optional()
    .default([]),
});
export type ThemeTranslationsInput = z.infer<typeof themeTranslationsSchema>;
