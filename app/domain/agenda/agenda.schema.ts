import { z } from "zod";
import type { AgendaItemKind, AgendaPersonRole } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export const AGENDA_KIND_LABELS: Record<AgendaItemKind, string> = {
  SESSION: "Session",
  PLENARY: "Plenary",
  PANEL: "Panel",
  BREAK: "Break",
  OTHER: "Other",
};
export const AGENDA_KINDS = valuesOf(AGENDA_KIND_LABELS);
export const PERSON_ROLE_LABELS: Record<AgendaPersonRole, string> = { SPEAKER: "Speaker", MODERATOR: "Moderator" };
export const PERSON_ROLES = valuesOf(PERSON_ROLE_LABELS);

const localTime = z.string({ required_error: "Enter a date and time." }).trim().max(20, "Enter a date and time.");

/** Times are datetime-local values read in the meeting's zone by the domain (it knows the zone). */
export const agendaItemSchema = z.object({
  itemId: z.string().max(40, "Choose an agenda item from the list.").optional(),
  kind: z.enum(AGENDA_KINDS, { errorMap: () => ({ message: "Choose a kind of item." }) }),
  title: z.string({ required_error: "Enter a title." }).trim().min(1, "Enter a title.").max(300, "Use at most 300 characters."),
  description: z.string().trim().max(5000, "Use at most 5,000 characters.").optional(),
  room: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  startsAt: localTime,
  endsAt: localTime,
  parentId: z.string().max(40, "Choose a parent item from the list.").optional(),
});
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

export const agendaPersonSchema = z.object({
  itemId: z.string().max(40, "Choose an agenda item from the list."),
  name: z.string({ required_error: "Enter the person's name." }).trim().min(2, "Enter the person's name.").max(200, "Use at most 200 characters."),
  agencyId: z.string().max(40, "Choose an agency from the list.").optional(),
  role: z.enum(PERSON_ROLES, { errorMap: () => ({ message: "Choose speaker or moderator." }) }),
});
export type AgendaPersonInput = z.infer<typeof agendaPersonSchema>;
