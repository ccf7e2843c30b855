// Registration roles, statuses and attendance with their labels: plain data, so pages that only show a
// label do not pull the form schemas (and zod) into the browser. Types from the generated enums.
import type { Attendance, RegistrationRole, RegistrationStatus } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export type { Attendance, RegistrationRole, RegistrationStatus };
export const ROLE_LABELS: Record<RegistrationRole, string> = {
  DELEGATE: "Delegate",
  SPEAKER: "Speaker",
  OBSERVER: "Observer",
  ORGANISER: "Organiser",
  RAPPORTEUR: "Rapporteur",
};
export const REGISTRATION_ROLES = valuesOf(ROLE_LABELS);

export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  PENDING: "Pending approval",
  CONFIRMED: "Confirmed",
  WAITLISTED: "Waitlisted",
  DECLINED: "Declined",
  CANCELLED: "Cancelled",
};
export const REGISTRATION_STATUSES = valuesOf(STATUS_LABELS);

const ATTENDANCE_ORDER: Record<Attendance, number> = { NONE: 0, ATTENDED: 1, NO_SHOW: 2 };
export const ATTENDANCE = valuesOf(ATTENDANCE_ORDER);
