// Meeting formats, visibilities and approval modes with their labels: plain data, so pages that only show
// a label do not pull the form schemas (and zod) into the browser. Types from the generated enums.
import type { ApprovalMode, MeetingFormat, MeetingVisibility } from "~/generated/prisma/enums.ts";
import { valuesOf } from "~/utils/enums";

export const FORMAT_LABELS: Record<MeetingFormat, string> = { IN_PERSON: "In person", HYBRID: "Hybrid (in person and online)", ONLINE: "Online" };
export const FORMATS = valuesOf(FORMAT_LABELS);
export const VISIBILITY_LABELS: Record<MeetingVisibility, string> = { PUBLIC: "Public", INVITATION: "Invitation only" };
export const VISIBILITIES = valuesOf(VISIBILITY_LABELS);
export const APPROVAL_LABELS: Record<ApprovalMode, string> = {
  AUTOMATIC: "Confirm automatically while seats are left",
  APPROVAL: "Organiser approves each registration",
};
export const APPROVAL_MODES = valuesOf(APPROVAL_LABELS);
