import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { agencySchema } from "./agencies/agency.schema";
import { agendaItemSchema, agendaPersonSchema } from "./agenda/agenda.schema";
import { followUpSchema } from "./mail/followup.schema";
import { cloneSchema, meetingSchema, transitionSchema as meetingTransitionSchema } from "./meetings/meeting.schema";
import {
  addReviewSchema,
  progressUpdateSchema,
  recommendationSchema,
  reviewDecisionSchema,
  reviewOutcomeSchema,
  transitionSchema as recommendationTransitionSchema,
} from "./recommendations/recommendation.schema";
import {
  delegateEditSchema,
  delegationFormSchema,
  delegationSettingsSchema,
  editRegistrationSchema,
  invitationSchema,
  organiserAddSchema,
  registrationSchema,
} from "./registration/registration.schema";
import { seriesSchema } from "./series/series.schema";

// Every message a form shows is written for its user; Zod's built-in ones ("String must contain at
// most 40 character(s)") are for developers. The e2e crawl found several reaching the page when a
// field got hostile input, so each form schema is fed the same input here.

const HOSTILE = '=HYPERLINK("http://evil")<script>alert(1)</script>' + "x".repeat(5000);
const RAW_ZOD_MESSAGE = /^Required$|String must contain|Expected \w+, received|Invalid enum value|Number must be|Invalid literal value|Invalid discriminator value|Invalid input|Array must contain/;

/** The fields of a form schema, one object per variant (branches of a discriminated union). */
function variants(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny>[] {
  if (schema instanceof z.ZodEffects) return variants(schema.innerType());
  if (schema instanceof z.ZodDiscriminatedUnion) return (schema.options as z.ZodTypeAny[]).flatMap(variants);
  if (schema instanceof z.ZodObject) return [schema.shape as Record<string, z.ZodTypeAny>];
  throw new Error(`unexpected schema ${schema.constructor.name}`);
}

/** The intent comes from the button pressed; a wrong one is the route's business. */
function intentValue(field: z.ZodTypeAny): string {
  if (field instanceof z.ZodLiteral) return String(field.value);
  if (field instanceof z.ZodEnum) return String(field.options[0]);
  if (field instanceof z.ZodOptional || field instanceof z.ZodDefault) return intentValue(field._def.innerType);
  throw new Error(`unexpected intent field ${field.constructor.name}`);
}

/** A checkbox can only send its own value, so boolean fields get "on". */
function isCheckbox(field: z.ZodTypeAny): boolean {
  if (field instanceof z.ZodBoolean) return true;
  if (field instanceof z.ZodOptional || field instanceof z.ZodNullable) return isCheckbox(field.unwrap());
  if (field instanceof z.ZodDefault) return isCheckbox(field.removeDefault());
  if (field instanceof z.ZodEffects) return isCheckbox(field.innerType());
  return false;
}

const SCHEMAS: [string, z.ZodTypeAny][] = [
  ["agency", agencySchema],
  ["agenda item", agendaItemSchema],
  ["agenda person", agendaPersonSchema],
  ["follow-up", followUpSchema("Europe/Brussels")],
  ["meeting", meetingSchema],
  ["clone", cloneSchema],
  ["meeting status", meetingTransitionSchema],
  ["recommendation", recommendationSchema],
  ["recommendation status", recommendationTransitionSchema],
  ["progress update", progressUpdateSchema],
  ["review decision", reviewDecisionSchema],
  ["review", addReviewSchema],
  ["review outcome", reviewOutcomeSchema],
  ["registration", registrationSchema],
  ["organiser adds a person", organiserAddSchema],
  ["delegate edit", delegateEditSchema],
  ["registration edit", editRegistrationSchema],
  ["delegation", delegationFormSchema],
  ["delegation settings", delegationSettingsSchema],
  ["invitation", invitationSchema],
  ["series", seriesSchema],
];

describe("form schemas answer hostile input with messages written for people", () => {
  for (const [name, schema] of SCHEMAS) {
    it(name, () => {
      for (const shape of variants(schema)) {
        for (const value of [HOSTILE, "1e999", "-1"]) {
          const form = new FormData();
          for (const [key, field] of Object.entries(shape)) {
            form.set(key, key === "intent" ? intentValue(field) : isCheckbox(field) ? "on" : value);
            // delegation rows are named delegates[0].name and so on
            if (key === "delegates") for (const k of ["name", "email", "jobTitle", "role"]) form.set(`delegates[0].${k}`, value);
          }
          const submission = parseWithZod(form, { schema });
          const errors = submission.status === "error" ? (submission.error ?? {}) : {};
          const messages = Object.values(errors).flat();
          expect(messages.filter((m) => m && RAW_ZOD_MESSAGE.test(m)), `${name} with ${value.slice(0, 20)}: ${JSON.stringify(errors)}`.slice(0, 2000)).toEqual([]);
        }
      }
    });
  }
});
