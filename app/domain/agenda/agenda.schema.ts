import { z } from "zod";
import { key } from "~/i18n/translate";
import { atMost } from "~/utils/form-messages";
import { AGENDA_KINDS, PERSON_ROLES } from "./labels";

export { AGENDA_KINDS, PERSON_ROLES } from "./labels";

const localTime = z.string({ required_error: key("admin:error.dateTime") }).trim().max(20, key("admin:error.dateTime"));

/** Times are datetime-local values read in the meeting's zone by the domain (it knows the zone). */
export const agendaItemSchema = z.object({
  itemId: z.string().max(40, key("admin:error.agendaItem")).optional(),
  kind: z.enum(AGENDA_KINDS, { errorMap: () => ({ message: key("admin:agenda.error.kind") }) }),
  title: z.string({ required_error: key("admin:error.title") }).trim().min(1, key("admin:error.title")).max(300, atMost(300)),
  description: z.string().trim().max(5000, atMost(5000)).optional(),
  room: z.string().trim().max(200, atMost(200)).optional(),
  startsAt: localTime,
  endsAt: localTime,
  parentId: z.string().max(40, key("admin:agenda.error.parentList")).optional(),
});
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

export const agendaPersonSchema = z.object({
  itemId: z.string().max(40, key("admin:error.agendaItem")),
  name: z.string({ required_error: key("admin:agenda.error.name") }).trim().min(2, key("admin:agenda.error.name")).max(200, atMost(200)),
  agencyId: z.string().max(40, key("admin:error.agency")).optional(),
  role: z.enum(PERSON_ROLES, { errorMap: () => ({ message: key("admin:agenda.error.role") }) }),
});
export type AgendaPersonInput = z.infer<typeof agendaPersonSchema>;
