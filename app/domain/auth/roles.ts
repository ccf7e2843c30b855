// Roles. What each may do is the capability matrix in permissions.ts (decision record 050).

import type { Role } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export type { Role };

export const ROLE_LABELS: Record<Role, string> = {
  ORGANISER: "Organiser",
  SECRETARIAT: "Secretariat",
  FOCAL_POINT: "Agency focal point",
  PARTICIPANT: "Participant",
};
export const ROLES = valuesOf(ROLE_LABELS);

/** The signed-in person as every access check sees them; a focal point acts for exactly one agency. */
export type Actor = { id: string; role: Role; agencyId: string | null; name: string; email: string };
