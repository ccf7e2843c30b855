// Meeting formats, visibilities and approval modes with their labels: plain data, so pages that only show
// a label do not pull the form schemas (and zod) into the browser.

export const FORMATS = ["IN_PERSON", "HYBRID", "ONLINE"] as const;
export const FORMAT_LABELS: Record<(typeof FORMATS)[number], string> = { IN_PERSON: "In person", HYBRID: "Hybrid (in person and online)", ONLINE: "Online" };
export const VISIBILITIES = ["PUBLIC", "INVITATION"] as const;
export const VISIBILITY_LABELS: Record<(typeof VISIBILITIES)[number], string> = { PUBLIC: "Public", INVITATION: "Invitation only" };
export const APPROVAL_MODES = ["AUTOMATIC", "APPROVAL"] as const;
export const APPROVAL_LABELS: Record<(typeof APPROVAL_MODES)[number], string> = {
  AUTOMATIC: "Confirm automatically while seats are left",
  APPROVAL: "Organiser approves each registration",
};
