// The meeting lifecycle. The table is the rule: the domain refuses any other change of status.
import type { MeetingStatus } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export type { MeetingStatus };

const LIFECYCLE_ORDER: Record<MeetingStatus, number> = { DRAFT: 0, PUBLISHED: 1, REGISTRATION_CLOSED: 2, HELD: 3, ARCHIVED: 4, CANCELLED: 5 };

/** In lifecycle order; their labels are `common:status.*`. */
export const MEETING_STATUSES = valuesOf(LIFECYCLE_ORDER);

export const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  DRAFT: ["PUBLISHED", "CANCELLED"],
  // Reopening registration is the one step back: organisers close early and then find more seats.
  PUBLISHED: ["REGISTRATION_CLOSED", "HELD", "CANCELLED"],
  REGISTRATION_CLOSED: ["PUBLISHED", "HELD", "CANCELLED"],
  HELD: ["ARCHIVED"],
  ARCHIVED: [],
  CANCELLED: [],
};

export function isMeetingStatus(s: string): s is MeetingStatus {
  return (MEETING_STATUSES as readonly string[]).includes(s);
}

export function canTransition(from: string, to: string): to is MeetingStatus {
  return isMeetingStatus(from) && isMeetingStatus(to) && TRANSITIONS[from].includes(to);
}

/** Statuses the public can see (everything but drafts). */
export const PUBLIC_STATUSES: MeetingStatus[] = ["PUBLISHED", "REGISTRATION_CLOSED", "HELD", "ARCHIVED", "CANCELLED"];

/** After publication, changes of time, place or agenda are announced to confirmed participants. */
export const ANNOUNCED_STATUSES: MeetingStatus[] = ["PUBLISHED", "REGISTRATION_CLOSED", "HELD"];
