import { describe, expect, test } from "vitest";
import { sentenceCase, STATUS_TONES } from "~/components/ui";
import { AGENDA_KIND_LABELS, PERSON_ROLE_LABELS } from "~/domain/agenda/labels";
import { ROLE_LABELS as USER_ROLE_LABELS } from "~/domain/auth/roles";
import { APPROVAL_LABELS, FORMAT_LABELS, VISIBILITY_LABELS } from "~/domain/meetings/labels";
import { STATUS_LABELS as MEETING_STATUS_LABELS } from "~/domain/meetings/status";
import { PRIORITY_LABELS, STATUS_LABELS as RECOMMENDATION_STATUS_LABELS } from "~/domain/recommendations/status";
import { ROLE_LABELS, STATUS_LABELS as REGISTRATION_STATUS_LABELS } from "~/domain/registration/labels";
import { Attendance, FollowUpStatus, MeetingStatus, OutboxStatus, ProgressState, RecommendationStatus, RegistrationStatus } from "~/generated/prisma/enums.ts";

// One style for labels: sentence case ("Pending approval", "In progress"), never Title Case.
// A word after the first may be capitalised only as a proper noun the list below names, or an acronym.
const PROPER_NOUNS = new Set<string>([]);

function titleCaseWords(label: string) {
  return label
    .split(/\s+/)
    .slice(1)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
    .filter((w) => /^\p{Lu}\p{Ll}/u.test(w) && !PROPER_NOUNS.has(w));
}

const MAPS = {
  AGENDA_KIND_LABELS,
  PERSON_ROLE_LABELS,
  USER_ROLE_LABELS,
  APPROVAL_LABELS,
  FORMAT_LABELS,
  VISIBILITY_LABELS,
  MEETING_STATUS_LABELS,
  PRIORITY_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  ROLE_LABELS,
  REGISTRATION_STATUS_LABELS,
};

describe("labels", () => {
  test.each(Object.entries(MAPS))("%s are in sentence case", (_name, labels) => {
    for (const label of Object.values(labels)) {
      expect(label.charAt(0), label).toBe(label.charAt(0).toUpperCase());
      expect(titleCaseWords(label), label).toEqual([]);
    }
  });

  test("a status without a label is shown in sentence case", () => {
    expect(sentenceCase("IN_PROGRESS")).toBe("In progress");
    expect(sentenceCase("sent")).toBe("Sent");
  });

  test("every status of every status enum has a colour", () => {
    const statuses: string[] = [RegistrationStatus, MeetingStatus, RecommendationStatus, ProgressState, OutboxStatus, FollowUpStatus].flatMap((e) =>
      Object.values(e),
    );
    statuses.push(Attendance.ATTENDED, Attendance.NO_SHOW);
    expect(statuses.filter((s) => !(s in STATUS_TONES))).toEqual([]);
  });
});
