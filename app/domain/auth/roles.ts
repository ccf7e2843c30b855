// Roles and what each may do. Shared by server checks and UI (to hide links a user cannot use);
// the server check is the one that counts.

export const ROLES = ["ORGANISER", "SECRETARIAT", "FOCAL_POINT", "PARTICIPANT"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ORGANISER: "Organiser",
  SECRETARIAT: "Secretariat",
  FOCAL_POINT: "Agency focal point",
  PARTICIPANT: "Participant",
};

export type Actor = { id: string; role: Role; agencyId: string | null; name: string; email: string };

/** Organisers run meetings, agendas, agencies, registrations and check-in. */
export const canManageMeetings = (u: Actor | null) => u?.role === "ORGANISER";
/** The secretariat records recommendations and sends follow-ups; organisers may too. */
export const canManageRecommendations = (u: Actor | null) => u?.role === "ORGANISER" || u?.role === "SECRETARIAT";
export const isStaff = (u: Actor | null) => u?.role === "ORGANISER" || u?.role === "SECRETARIAT";
/** A focal point acts for exactly one agency. */
export const actsForAgency = (u: Actor | null, agencyId: string | null | undefined) =>
  !!u && !!agencyId && u.role === "FOCAL_POINT" && u.agencyId === agencyId;
