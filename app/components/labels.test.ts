import { describe, expect, test } from "vitest";
import { sentenceCase, STATUS_TONES } from "~/components/ui";
import admin from "~/locales/en/admin.json";
import common from "~/locales/en/common.json";
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

// The labels of closed sets (enums), in the English source every other language follows.
const LABELS = {
  "common:agendaKind": common.agendaKind,
  "common:personRole": common.personRole,
  "common:role": common.role,
  "common:status": common.status,
  "common:meetingFormat": common.meetingFormat,
  "common:meetingVisibility": common.meetingVisibility,
  "common:documentType": common.documentType,
  "common:priority": common.priority,
  "common:recommendationStatus": common.recommendationStatus,
  "common:registrationRole": common.registrationRole,
  "common:registrationStatus": common.registrationStatus,
  "admin:format": admin.format,
  "admin:visibility": admin.visibility,
  "admin:approval": admin.approval,
  "admin:documents.visibility": admin.documents.visibility,
  "admin:agencies.kind": admin.agencies.kind,
};

describe("labels", () => {
  test.each(Object.entries(LABELS))("%s are in sentence case", (_name, labels: Record<string, string>) => {
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
