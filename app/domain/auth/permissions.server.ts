import { fixedT } from "~/i18n/i18n.server";
import { key } from "~/i18n/translate";
import { forbidden } from "~/utils/http.server";
import { agencyScope, can, type Capability, type Target } from "./permissions";
import type { Actor } from "./roles";
import { requireUser } from "./session.server";

// The server side of the capability matrix: every loader and action starts with requireActor or
// requireCapability; domain functions call assertCan / requireAgencyScope on the actor they receive.

// A key: the error page translates it for the reader (app/root.tsx); requireCapability, which has the
// request, sends the sentence itself, so a refused download (a resource route, no error page) reads well.
const REFUSED = key("common:error.refused.role");

/** The signed-in person; anonymous visitors are sent to sign in and brought back. */
export const requireActor = requireUser;

/** The signed-in person if the matrix gives them the capability (on the target, when given); else 403. */
export async function requireCapability(request: Request, capability: Capability, target?: Target, message?: string): Promise<Actor> {
  const actor = await requireActor(request);
  if (!can(actor, capability, target)) {
    const t = await fixedT(request);
    forbidden(message ?? t("common:error.refused.role"));
  }
  return actor;
}

/** For domain functions: throws 403 unless the actor has the capability (on the target, when given). */
export function assertCan(actor: Actor, capability: Capability, target?: Target, message: string = REFUSED): void {
  if (!can(actor, capability, target)) forbidden(message);
}

/** The agency the actor's queries must be limited to (null: every agency); 403 when none of the capabilities is given. */
export function requireAgencyScope(actor: Actor, ...capabilities: Capability[]): { agencyId: string | null } {
  const scope = agencyScope(actor, ...capabilities);
  if (!scope) forbidden(REFUSED);
  return scope;
}
