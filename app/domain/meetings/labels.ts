// Meeting formats, visibilities and approval modes in display order: plain data, so pages that only show
// a label do not pull the form schemas (and zod) into the browser. Types from the generated enums; the
// labels are the keys `admin:format.*`, `admin:visibility.*` and `admin:approval.*` (organisers' forms) and
// `common:meetingFormat.*`, `common:meetingVisibility.*` (public pages).
import type { ApprovalMode, MeetingFormat, MeetingVisibility } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

const FORMAT_ORDER: Record<MeetingFormat, number> = { IN_PERSON: 0, HYBRID: 1, ONLINE: 2 };
export const FORMATS = valuesOf(FORMAT_ORDER);
const VISIBILITY_ORDER: Record<MeetingVisibility, number> = { PUBLIC: 0, INVITATION: 1 };
export const VISIBILITIES = valuesOf(VISIBILITY_ORDER);
const APPROVAL_ORDER: Record<ApprovalMode, number> = { AUTOMATIC: 0, APPROVAL: 1 };
export const APPROVAL_MODES = valuesOf(APPROVAL_ORDER);
