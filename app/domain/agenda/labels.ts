// Agenda item kinds and people's roles in display order: plain data, so pages that only show a label
// do not pull the form schemas (and zod) into the browser. Types from the generated enums (app/utils/enums.ts);
// the labels are the keys `common:agendaKind.*` and `common:personRole.*`.
import type { AgendaItemKind, AgendaPersonRole } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

const KIND_ORDER: Record<AgendaItemKind, number> = { SESSION: 0, PLENARY: 1, PANEL: 2, BREAK: 3, OTHER: 4 };
export const AGENDA_KINDS = valuesOf(KIND_ORDER);
const PERSON_ROLE_ORDER: Record<AgendaPersonRole, number> = { SPEAKER: 0, MODERATOR: 1 };
export const PERSON_ROLES = valuesOf(PERSON_ROLE_ORDER);
