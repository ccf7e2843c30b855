import { z } from "zod";
import { REGISTRATION_STATUSES } from "~/domain/registration/registration.schema";
import { fromLocalInput } from "~/utils/dates";

// The follow-up composer. Shared by the form (client validation) and the action (server).

export const AUDIENCES = ["ATTENDEES", "CONFIRMED", "AGENCIES", "STATUS", "NO_SHOWS"] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = {
  ATTENDEES: "Everyone who attended (checked in)",
  CONFIRMED: "Everyone confirmed",
  AGENCIES: "Confirmed participants of chosen agencies",
  STATUS: "Registrations with chosen statuses",
  NO_SHOWS: "Confirmed participants who did not come (no-shows)",
};

export { REGISTRATION_STATUSES };

const MAX_DOCUMENTS = 20;

export function followUpSchema(timeZone: string) {
  return z
    .object({
      intent: z.enum(["preview", "save"]).default("save"),
      subject: z
        .string({ required_error: "Enter a subject." })
        .trim()
        .min(3, "A subject has at least 3 characters.")
        .max(200, "A subject has at most 200 characters."),
      summary: z
        .string({ required_error: "Write a summary of the meeting." })
        .trim()
        .min(10, "A summary has at least 10 characters.")
        .max(10_000, "A summary has at most 10,000 characters."),
      documents: z
        .string()
        .max(5_000, "Document links have at most 5,000 characters in all.")
        .optional()
        .superRefine((value, ctx) => {
          const links = documentLinks(value);
          if (links.length > MAX_DOCUMENTS) ctx.addIssue({ code: "custom", message: `Add at most ${MAX_DOCUMENTS} document links.` });
          const bad = links.find((l) => !isWebLink(l));
          if (bad) ctx.addIssue({ code: "custom", message: `"${bad.slice(0, 80)}" is not a web link (https://...).` });
        }),
      nextSessionAt: z
        .string()
        .max(40, "Enter a date and time such as 2026-11-12 09:30.")
        .optional()
        .refine((v) => !v || fromLocalInput(v, timeZone), "Enter a date and time such as 2026-11-12 09:30."),
      audience: z.enum(AUDIENCES, { errorMap: () => ({ message: "Choose who receives the follow-up." }) }),
      agencyIds: z.array(z.string().max(40, "Choose agencies from the list.")).max(300, "Choose at most 300 agencies.").default([]),
      statuses: z.array(z.enum(REGISTRATION_STATUSES, { errorMap: () => ({ message: "Choose statuses from the list." }) })).max(5, "Choose at most 5 statuses.").default([]),
      previewAgencyId: z.string().max(40, "Choose an agency from the list.").optional(),
      /** random per rendered form: a second submit of the same form finds the first one's draft */
      submissionKey: z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,64}$/, "This form is out of date. Reload the page and submit it again.")
        .optional(),
    })
    .superRefine((v, ctx) => {
      if (v.audience === "AGENCIES" && v.agencyIds.length === 0)
        ctx.addIssue({ code: "custom", path: ["agencyIds"], message: "Choose at least one agency." });
      if (v.audience === "STATUS" && v.statuses.length === 0)
        ctx.addIssue({ code: "custom", path: ["statuses"], message: "Choose at least one registration status." });
    })
    .transform((v) => ({
      ...v,
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
