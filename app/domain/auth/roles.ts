// Roles. What each may do is the capability matrix in permissions.ts (decision record 050).

export const ROLES = ["ORGANISER", "SECRETARIAT", "FOCAL_POINT", "PARTICIPANT"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ORGANISER: "Organiser",
  SECRETARIAT: "Secretariat",
  FOCAL_POINT: "Agency focal point",
  PARTICIPANT: "Participant",
};

/** The signed-in person as every access check sees them; a focal point acts for exactly one agency. */
export type Actor = { id: string; role: Role; agencyId: string | null; name: string; email: string };
