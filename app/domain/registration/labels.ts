// Registration roles, statuses and attendance in display order: plain data, so pages that only show a
// label do not pull the form schemas (and zod) into the browser. Types from the generated enums; the
// labels are the keys `common:registrationRole.*` and `common:registrationStatus.*`.
import type { Attendance, RegistrationRole, RegistrationStatus } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export type { Attendance, RegistrationRole, RegistrationStatus };
const ROLE_ORDER: Record<RegistrationRole, number> = { DELEGATE: 0, SPEAKER: 1, OBSERVER: 2, ORGANISER: 3, RAPPORTEUR: 4 };
export const REGISTRATION_ROLES = valuesOf(ROLE_ORDER);

const STATUS_ORDER: Record<RegistrationStatus, number> = { PENDING: 0, CONFIRMED: 1, WAITLISTED: 2, DECLINED: 3, CANCELLED: 4 };
export const REGISTRATION_STATUSES = valuesOf(STATUS_ORDER);

const ATTENDANCE_ORDER: Record<Attendance, number> = { NONE: 0, ATTENDED: 1, NO_SHOW: 2 };
export const ATTENDANCE = valuesOf(ATTENDANCE_ORDER);
