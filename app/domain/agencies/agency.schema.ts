import { z } from "zod";
import type { AgencyKind } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";
import { isCountryCode } from "./countries";

export type { AgencyKind };

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  UN_AGENCY: "UN agency",
  EU_AGENCY: "EU agency",
  EU_INSTITUTION: "EU institution",
  NATIONAL_AUTHORITY: "National authority",
  INTERNATIONAL_ORGANISATION: "International organisation",
  NGO: "NGO",
  OTHER: "Other",
};
export const AGENCY_KINDS = valuesOf(AGENCY_KIND_LABELS);

export const kindLabel = (kind: string) => AGENCY_KIND_LABELS[kind as AgencyKind] ?? kind;

export const agencySchema = z.object({
  name: z.string({ required_error: "Enter the agency's full name." }).trim().min(2, "Enter the agency's full name.").max(200, "Use at most 200 characters."),
  acronym: z.string({ required_error: "Enter an acronym or short name." }).trim().min(1, "Enter an acronym or short name.").max(40, "Use at most 40 characters."),
  kind: z.enum(AGENCY_KINDS, { errorMap: () => ({ message: "Choose a kind of agency from the list." }) }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "Choose a country from the list.")
    .optional(),
  parentId: z.string().max(40, "Choose a parent agency from the list.").optional(),
});
export type AgencyInput = z.infer<typeof agencySchema>;
