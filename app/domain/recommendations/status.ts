// The recommendation status workflow. Shared by the forms (to offer only allowed next statuses)
// and the server (which enforces it in recommendations.server.ts).
import type { Priority, RecommendationStatus as Status } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export type { Priority, Status };

const WORKFLOW_ORDER: Record<Status, number> = {
  PROPOSED: 0,
  ADOPTED: 1,
  NOT_ADOPTED: 2,
  IN_PROGRESS: 3,
  IMPLEMENTED: 4,
  PARTIALLY_IMPLEMENTED: 5,
  NOT_IMPLEMENTED: 6,
  SUPERSEDED: 7,
};
/** In workflow order; their labels are `common:recommendationStatus.*`. */
export const STATUSES = valuesOf(WORKFLOW_ORDER);

const PRIORITY_ORDER: Record<Priority, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };
/** Their labels are `common:priority.*`. */
export const PRIORITIES = valuesOf(PRIORITY_ORDER);

/** Final outcomes; reaching one needs closing evidence (a note or a document link). */
export const CLOSING_STATUSES: Status[] = ["IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "SUPERSEDED"];

/** Every status that ends the recommendation's life (NOT_ADOPTED never started it). */
export const CLOSED_STATUSES: Status[] = [...CLOSING_STATUSES, "NOT_ADOPTED"];

/** Adopted or later: what the public may see on a meeting page. */
export const PUBLIC_STATUSES: Status[] = STATUSES.filter((s) => s !== "PROPOSED" && s !== "NOT_ADOPTED");

const NEXT: Record<Status, Status[]> = {
  PROPOSED: ["ADOPTED", "NOT_ADOPTED", "SUPERSEDED"],
  ADOPTED: ["IN_PROGRESS", "SUPERSEDED"],
  IN_PROGRESS: ["IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "SUPERSEDED"],
  NOT_ADOPTED: [],
  IMPLEMENTED: [],
  PARTIALLY_IMPLEMENTED: [],
  NOT_IMPLEMENTED: [],
  SUPERSEDED: [],
};

export const isStatus = (s: unknown): s is Status => typeof s === "string" && (STATUSES as readonly string[]).includes(s);
export const isPriority = (s: unknown): s is Priority => typeof s === "string" && (PRIORITIES as readonly string[]).includes(s);

export function allowedNextStatuses(from: string): Status[] {
  return isStatus(from) ? NEXT[from] : [];
}

export function canTransition(from: string, to: string): to is Status {
  return isStatus(to) && allowedNextStatuses(from).includes(to);
}

/** Past its due date and not closed. */
export function isOverdue(r: { dueDate: Date | null; status: Status }, now = new Date()): boolean {
  return !!r.dueDate && r.dueDate < now && !CLOSED_STATUSES.includes(r.status);
}
