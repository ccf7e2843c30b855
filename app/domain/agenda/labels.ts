// Agenda item kinds and people's roles with their labels: plain data, so pages that only show a label
// do not pull the form schemas (and zod) into the browser. Types from the generated enums (app/utils/enums.ts).
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
