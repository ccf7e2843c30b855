// The meeting lifecycle. The table is the rule: the domain refuses any other change of status.

export const MEETING_STATUSES = ["DRAFT", "PUBLISHED", "REGISTRATION_CLOSED", "HELD", "ARCHIVED", "CANCELLED"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  DRAFT: "Draft",
  PUBLISHED: "Published",
  REGISTRATION_CLOSED: "Registration closed",
  HELD: "Held",
  ARCHIVED: "Archived",
  CANCELLED: "Cancelled",
};

export const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  DRAFT: ["PUBLISHED", "CANCELLED"],
  // Reopening registration is the one step back: organisers close early and then find more seats.
  PUBLISHED: ["REGISTRATION_CLOSED", "HELD", "CANCELLED"],
  REGISTRATION_CLOSED: ["PUBLISHED", "HELD", "CANCELLED"],
  HELD: ["ARCHIVED"],
  ARCHIVED: [],
  CANCELLED: [],
};

/** The button text for moving to a status. */
export const TRANSITION_LABELS: Record<MeetingStatus, string> = {
  DRAFT: "Back to draft",
  PUBLISHED: "Publish",
  REGISTRATION_CLOSED: "Close registration",
  HELD: "Mark as held",
  ARCHIVED: "Archive",
  CANCELLED: "Cancel the meeting",
};

export function isMeetingStatus(s: string): s is MeetingStatus {
  return (MEETING_STATUSES as readonly string[]).includes(s);
}

export function canTransition(from: string, to: string): boolean {
  return isMeetingStatus(from) && isMeetingStatus(to) && TRANSITIONS[from].includes(to);
}

/** Statuses the public can see (everything but drafts). */
export const PUBLIC_STATUSES = ["PUBLISHED", "REGISTRATION_CLOSED", "HELD", "ARCHIVED", "CANCELLED"] as const;

/** After publication, changes of time, place or agenda are announced to confirmed participants. */
export const ANNOUNCED_STATUSES: readonly string[] = ["PUBLISHED", "REGISTRATION_CLOSED", "HELD"];
