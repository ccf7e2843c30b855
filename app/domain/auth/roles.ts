// Roles. What each may do is the capability matrix in permissions.ts (decision record 050).

import type { Role } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export type { Role };

// Labels: `common:role.*`.
const ROLE_ORDER: Record<Role, number> = { ORGANISER: 0, SECRETARIAT: 1, FOCAL_POINT: 2, PARTICIPANT: 3 };
export const ROLES = valuesOf(ROLE_ORDER);

/** The signed-in person as every access check sees them; a focal point acts for exactly one agency. */
export type Actor = { id: string; role: Role; agencyId: string | null; name: string; email: string };
