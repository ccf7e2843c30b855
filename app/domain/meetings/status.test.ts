import { describe, expect, it } from "vitest";
import { MEETING_STATUSES, canTransition } from "./status";

describe("meeting status transitions", () => {
  const allowed = new Set([
    "DRAFT>PUBLISHED", "DRAFT>CANCELLED",
    "PUBLISHED>REGISTRATION_CLOSED", "PUBLISHED>HELD", "PUBLISHED>CANCELLED",
    "REGISTRATION_CLOSED>PUBLISHED", "REGISTRATION_CLOSED>HELD", "REGISTRATION_CLOSED>CANCELLED",
    "HELD>ARCHIVED",
  ]);

  it("allows exactly the lifecycle draft -> published -> registration closed -> held -> archived, or cancelled", () => {
    for (const from of MEETING_STATUSES) {
      for (const to of MEETING_STATUSES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it("refuses unknown statuses", () => {
    expect(canTransition("DRAFT", "DELETED")).toBe(false);
    expect(canTransition("NOPE", "PUBLISHED")).toBe(false);
  });
});
