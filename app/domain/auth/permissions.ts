import type { Actor, Role } from "./roles";

// Who may do what: the one capability matrix (decision record 050). Loaders, actions, domain
// functions and the UI all ask it; nothing else decides access. Pure, so the UI can import it to hide
// what a person cannot do; the server check (permissions.server.ts) is the one that counts.

/** Every capability the app has, with what it covers. */
export const CAPABILITIES = {
  "meetings:view-admin": "See the organise pages: dashboard, meetings list, a meeting's overview and history",
  "meetings:manage": "Create, edit, clone and change the status of meetings; edit agendas; see drafts",
  "agencies:manage": "Create and edit agencies and their focal points",
  "series:manage": "Create, edit and delete series",
  "registrations:manage": "A meeting's participants table, CSV export and import, check-in, delegations and invitations",
  "delegation:manage": "A focal point's delegation to a meeting: register, edit and cancel delegates, name the head",
  "recommendations:view": "The recommendation tracking pages, list, detail, export and printable reports",
  "recommendations:manage": "Create, edit, import recommendations; change status; reviews; the progress review queue and dashboard",
  "recommendations:progress": "Send a progress update on a recommendation",
  "documents:manage": "Upload, replace and remove a meeting's documents; see every document whatever its audience",
  "summary:manage": "Draft, preview and publish a meeting's summary record",
  "mail:followups": "Compose and send a meeting's follow-up mails",
  "mail:log": "The mail log: every message sent, and resending one",
  "audit:view": "The audit log",
} as const;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

/** "any": every agency's data; "own-agency": only the data of the actor's agency (focal points). */
export type Access = "any" | "own-agency";

/** Role x capability. A capability missing from a role's row is refused. */
export const MATRIX: Record<Role, Partial<Record<Capability, Access>>> = {
  ORGANISER: {
    "meetings:view-admin": "any",
    "meetings:manage": "any",
    "agencies:manage": "any",
    "series:manage": "any",
    "registrations:manage": "any",
    "recommendations:view": "any",
    "recommendations:manage": "any",
    "recommendations:progress": "any",
    "documents:manage": "any",
    "summary:manage": "any",
    "mail:followups": "any",
    "mail:log": "any",
    "audit:view": "any",
  },
  SECRETARIAT: {
    "meetings:view-admin": "any",
    "recommendations:view": "any",
    "recommendations:manage": "any",
    "recommendations:progress": "any",
    "documents:manage": "any",
    "summary:manage": "any",
    "mail:followups": "any",
    "mail:log": "any",
    "audit:view": "any",
  },
  FOCAL_POINT: {
    "delegation:manage": "own-agency",
    "recommendations:view": "own-agency",
    "recommendations:progress": "own-agency",
  },
  PARTICIPANT: {},
};

/** How far an actor's capability reaches, or null when it has none (a focal point without agency has none). */
export function accessOf(actor: Actor | null | undefined, capability: Capability): Access | null {
  if (!actor) return null;
  const access = MATRIX[actor.role]?.[capability] ?? null;
  if (access === "own-agency" && !actor.agencyId) return null;
  return access;
}

/** What a target belongs to: one agency, or several (a recommendation's lead and supporting agencies). */
export type Target = { agencyId?: string | null; agencyIds?: readonly (string | null | undefined)[] };

/**
 * May the actor use the capability? Without a target: at all (for links and buttons). With a target:
 * on that data; an own-agency capability covers a target only when the actor's agency is among its agencies.
 */
export function can(actor: Actor | null | undefined, capability: Capability, target?: Target): boolean {
  const access = accessOf(actor, capability);
  if (!access) return false;
  if (access === "any" || !target) return true;
  const agencies = [target.agencyId, ...(target.agencyIds ?? [])];
  return agencies.some((a) => !!a && a === actor!.agencyId);
}

/**
 * The agency an actor's queries are limited to for a capability: `{ agencyId: null }` means every agency,
 * `null` means no access. With several capabilities, the widest one wins.
 */
export function agencyScope(actor: Actor | null | undefined, ...capabilities: Capability[]): { agencyId: string | null } | null {
  const accesses = capabilities.map((c) => accessOf(actor, c));
  if (accesses.includes("any")) return { agencyId: null };
  if (accesses.includes("own-agency")) return { agencyId: actor!.agencyId };
  return null;
}
