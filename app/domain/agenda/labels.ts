// Agenda item kinds and people's roles with their labels: plain data, so pages that only show a label
// do not pull the form schemas (and zod) into the browser.

export const AGENDA_KINDS = ["SESSION", "PLENARY", "PANEL", "BREAK", "OTHER"] as const;
export const AGENDA_KIND_LABELS: Record<(typeof AGENDA_KINDS)[number], string> = {
  SESSION: "Session",
  PLENARY: "Plenary",
  PANEL: "Panel",
  BREAK: "Break",
  OTHER: "Other",
};
export const PERSON_ROLES = ["SPEAKER", "MODERATOR"] as const;
export const PERSON_ROLE_LABELS: Record<(typeof PERSON_ROLES)[number], string> = { SPEAKER: "Speaker", MODERATOR: "Moderator" };
