import { z } from "zod";
import { DOCUMENT_TYPES, DOCUMENT_VISIBILITIES } from "./labels";

// The document forms of a meeting's Documents page. The file itself is checked by checkUpload
// (files.server.ts), on its content; its refusal comes back under the field name "file".

const id = (message: string) => z.string().max(40, message).optional();

export const documentMetadataSchema = z.object({
  documentId: id("Choose a document from the list."),
  title: z.string({ required_error: "Enter a title." }).trim().min(1, "Enter a title.").max(300, "Use at most 300 characters."),
  type: z.enum(DOCUMENT_TYPES, { errorMap: () => ({ message: "Choose a type of document." }) }),
  language: z
    .string({ required_error: "Enter the language as a two-letter code, e.g. en or fr." })
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/, "Enter the language as a two-letter code, e.g. en or fr."),
  visibility: z.enum(DOCUMENT_VISIBILITIES, { errorMap: () => ({ message: "Choose who may see the document." }) }),
  agencyId: id("Choose an agency from the list."),
  agendaItemId: id("Choose an agenda item from the list."),
});
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;
