import { z } from "zod";
import { REGISTRATION_STATUSES } from "~/domain/registration/registration.schema";
import { LANGUAGES } from "~/i18n/config";
import { key } from "~/i18n/translate";
import { fromLocalInput } from "~/utils/dates";

// The follow-up composer. Shared by the form (client validation) and the action (server). Its messages
// are translation keys, shown in the reader's language by the form's error lists (docs/i18n.md step 4).

export const AUDIENCES = ["ATTENDEES", "CONFIRMED", "AGENCIES", "STATUS", "NO_SHOWS"] as const;
export type Audience = (typeof AUDIENCES)[number];

export { REGISTRATION_STATUSES };

const MAX_DOCUMENTS = 20;

export function followUpSchema(timeZone: string) {
  return z
    .object({
      intent: z.enum(["preview", "save"]).default("save"),
      subject: z
        .string({ required_error: key("followups:compose.error.subjectRequired") })
        .trim()
        .min(3, key("followups:compose.error.subjectShort"))
        .max(200, key("followups:compose.error.subjectLong")),
      summary: z
        .string({ required_error: key("followups:compose.error.summaryRequired") })
        .trim()
        .min(10, key("followups:compose.error.summaryShort"))
        .max(10_000, key("followups:compose.error.summaryLong")),
      /** the language the subject and summary are written in (decision 080) */
      language: z.enum(LANGUAGES, { errorMap: () => ({ message: key("followups:compose.error.language") }) }).default("en"),
      /** the subject and summary in the other language: optional, empty = missing (the original goes out) */
      translatedSubject: z
        .string()
        .trim()
        .max(200, key("followups:compose.error.subjectLong"))
        .refine((v) => v === "" || v.length >= 3, key("followups:compose.error.subjectShort"))
        .optional(),
      translatedSummary: z
        .string()
        .trim()
        .max(10_000, key("followups:compose.error.summaryLong"))
        .refine((v) => v === "" || v.length >= 10, key("followups:compose.error.summaryShort"))
        .optional(),
      documents: z
        .string()
        .max(5_000, key("followups:compose.error.documentsLong"))
        .optional()
        .superRefine((value, ctx) => {
          const links = documentLinks(value);
          if (links.length > MAX_DOCUMENTS) ctx.addIssue({ code: "custom", message: key("followups:compose.error.documentsMany") });
          if (links.some((l) => !isWebLink(l))) ctx.addIssue({ code: "custom", message: key("followups:compose.error.documentsWeb") });
        }),
      nextSessionAt: z
        .string()
        .max(40, key("followups:compose.error.dateTime"))
        .optional()
        .refine((v) => !v || fromLocalInput(v, timeZone), key("followups:compose.error.dateTime")),
      audience: z.enum(AUDIENCES, { errorMap: () => ({ message: key("followups:compose.error.audience") }) }),
      agencyIds: z.array(z.string().max(40, key("followups:compose.error.agencyList"))).max(300, key("followups:compose.error.agenciesMany")).default([]),
      statuses: z
        .array(z.enum(REGISTRATION_STATUSES, { errorMap: () => ({ message: key("followups:compose.error.statusList") }) }))
        .max(5, key("followups:compose.error.statusesMany"))
        .default([]),
      previewAgencyId: z.string().max(40, key("followups:compose.error.previewAgency")).optional(),
      previewLanguage: z.enum(LANGUAGES, { errorMap: () => ({ message: key("followups:compose.error.language") }) }).optional(),
      /** random per rendered form: a second submit of the same form finds the first one's draft */
      submissionKey: z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,64}$/, key("followups:compose.error.outdated"))
        .optional(),
    })
    .superRefine((v, ctx) => {
      if (v.audience === "AGENCIES" && v.agencyIds.length === 0)
        ctx.addIssue({ code: "custom", path: ["agencyIds"], message: key("followups:compose.error.agenciesNone") });
      if (v.audience === "STATUS" && v.statuses.length === 0)
        ctx.addIssue({ code: "custom", path: ["statuses"], message: key("followups:compose.error.statusesNone") });
    })
    .transform((v) => ({
      ...v,
      translatedSubject: v.translatedSubject ?? "",
      translatedSummary: v.translatedSummary ?? "",
      documents: documentLinks(v.documents),
      nextSessionAt: v.nextSessionAt ? fromLocalInput(v.nextSessionAt, timeZone) : null,
    }));
}

export type FollowUpInput = z.output<ReturnType<typeof followUpSchema>>;

export function documentLinks(value: string | undefined): string[] {
  return (value ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && value.length <= 500;
  } catch {
    return false;
  }
}
