// Registration roles, statuses and attendance with their labels: plain data, so pages that only show a
// label do not pull the form schemas (and zod) into the browser.

export const REGISTRATION_ROLES = ["DELEGATE", "SPEAKER", "OBSERVER", "ORGANISER", "RAPPORTEUR"] as const;
export type RegistrationRole = (typeof REGISTRATION_ROLES)[number];
export const ROLE_LABELS: Record<RegistrationRole, string> = {
  DELEGATE: "Delegate",
  SPEAKER: "Speaker",
  OBSERVER: "Observer",
  ORGANISER: "Organiser",
  RAPPORTEUR: "Rapporteur",
};

export const REGISTRATION_STATUSES = ["PENDING", "CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  PENDING: "Pending approval",
  CONFIRMED: "Confirmed",
  WAITLISTED: "Waitlisted",
  DECLINED: "Declined",
  CANCELLED: "Cancelled",
};

export const ATTENDANCE = ["NONE", "ATTENDED", "NO_SHOW"] as const;
export type Attendance = (typeof ATTENDANCE)[number];
