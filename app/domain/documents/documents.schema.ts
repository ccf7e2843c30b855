import { z } from "zod";
import { key } from "~/i18n/translate";
import { atMost } from "~/utils/form-messages";
import { DOCUMENT_TYPES, DOCUMENT_VISIBILITIES } from "./labels";

// The document forms of a meeting's Documents page. The file itself is checked by checkUpload
// (files.server.ts), on its content; its refusal comes back under the field name "file".

const id = (message: string) => z.string().max(40, message).optional();

export const documentMetadataSchema = z.object({
  documentId: id(key("admin:documents.error.document")),
  title: z.string({ required_error: key("admin:error.title") }).trim().min(1, key("admin:error.title")).max(300, atMost(300)),
  type: z.enum(DOCUMENT_TYPES, { errorMap: () => ({ message: key("admin:documents.error.type") }) }),
  language: z
    .string({ required_error: key("admin:documents.error.language") })
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/, key("admin:documents.error.language")),
  visibility: z.enum(DOCUMENT_VISIBILITIES, { errorMap: () => ({ message: key("admin:documents.error.visibility") }) }),
  agencyId: id(key("admin:error.agency")),
  agendaItemId: id(key("admin:error.agendaItem")),
});
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;
