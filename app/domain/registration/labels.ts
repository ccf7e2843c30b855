// Registration roles, statuses and attendance in display order: plain data, so pages that only show a
// label do not pull the form schemas (and zod) into the browser. Types from the generated enums; the
// labels are the keys `common:registrationRole.*` and `common:registrationStatus.*`.
import type { Attendance, RegistrationRole, RegistrationStatus } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";
import { isKey, type T } from "~/i18n/translate";

export type { Attendance, RegistrationRole, RegistrationStatus };
const ROLE_ORDER: Record<RegistrationRole, number> = { DELEGATE: 0, SPEAKER: 1, OBSERVER: 2, ORGANISER: 3, RAPPORTEUR: 4 };
export const REGISTRATION_ROLES = valuesOf(ROLE_ORDER);

const STATUS_ORDER: Record<RegistrationStatus, number> = { PENDING: 0, CONFIRMED: 1, WAITLISTED: 2, DECLINED: 3, CANCELLED: 4 };
export const REGISTRATION_STATUSES = valuesOf(STATUS_ORDER);

const ATTENDANCE_ORDER: Record<Attendance, number> = { NONE: 0, ATTENDED: 1, NO_SHOW: 2 };
export const ATTENDANCE = valuesOf(ATTENDANCE_ORDER);

/**
 * A history event's reason in the reader's language: stored as translation keys joined by "; "
 * ("registrations:reason.nominated; registrations:reason.quotaReached"); a part that is not a key (a row
 * written before reasons were keys) is shown as stored.
 */
export function reasonText(t: T, stored: string): string {
  return stored
    .split("; ")
    .map((part) => (isKey(part) ? t(part) : part))
    .join("; ");
}
