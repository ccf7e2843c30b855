import { z } from "zod";
import { LANGUAGES } from "~/i18n/config";
import { key } from "~/i18n/translate";

// The meeting's translations form (admin.meetings.$id.translations): the language of the original, and
// the text in the other language of the meeting, its agenda items and its documents. Empty = not
// translated. Messages are keys of the `content` namespace (ErrorList translates them).

const short = () => z.string().trim().max(300, key("content:error.tooLong300")).optional().default("");
const long = () => z.string().trim().max(5000, key("content:error.tooLong5000")).optional().default("");
const id = z.string().max(40, key("content:error.unknownItem"));
const language = z.enum(LANGUAGES, { errorMap: () => ({ message: key("content:error.language") }) });

export const translationsSchema = z.object({
  /** What the form was made from (a fingerprint of the translations): a later save by someone else refuses this one. */
  stamp: z.string().max(100).optional().default(""),
  language,
  into: language,
  title: short(),
  description: long(),
  items: z.array(z.object({ id, title: short(), description: long() })).max(1000).optional().default([]),
  documents: z.array(z.object({ id, title: short() })).max(1000).optional().default([]),
});
export type TranslationsInput = z.infer<typeof translationsSchema>;
