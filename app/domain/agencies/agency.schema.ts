import { z } from "zod";
import type { AgencyKind } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";
import { key } from "~/i18n/translate";
import { atMost } from "~/utils/form-messages";
import { isCountryCode } from "./countries";

export type { AgencyKind };

// In display order; their labels are `admin:agencies.kind.*`.
const KIND_ORDER: Record<AgencyKind, number> = { UN_AGENCY: 0, EU_AGENCY: 1, EU_INSTITUTION: 2, NATIONAL_AUTHORITY: 3, INTERNATIONAL_ORGANISATION: 4, NGO: 5, OTHER: 6 };
export const AGENCY_KINDS = valuesOf(KIND_ORDER);

export const agencySchema = z.object({
  name: z.string({ required_error: key("admin:agencies.error.name") }).trim().min(2, key("admin:agencies.error.name")).max(200, atMost(200)),
  acronym: z.string({ required_error: key("admin:agencies.error.acronym") }).trim().min(1, key("admin:agencies.error.acronym")).max(40, atMost(40)),
  kind: z.enum(AGENCY_KINDS, { errorMap: () => ({ message: key("admin:agencies.error.kind") }) }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, key("admin:agencies.error.country"))
    .optional(),
  parentId: z.string().max(40, key("admin:agencies.error.parent")).optional(),
});
export type AgencyInput = z.infer<typeof agencySchema>;
