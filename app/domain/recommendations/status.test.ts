import { describe, expect, it } from "vitest";
import { allowedNextStatuses, canTransition, isOverdue, STATUSES } from "./status";

describe("recommendation status workflow", () => {
  it("allows exactly the documented transitions", () => {
    const allowed = STATUSES.flatMap((from) => STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`));
    expect(allowed.sort()).toEqual(
      [
        "PROPOSED>ADOPTED",
        "PROPOSED>NOT_ADOPTED",
        "PROPOSED>SUPERSEDED",
        "ADOPTED>IN_PROGRESS",
        "ADOPTED>SUPERSEDED",
        "IN_PROGRESS>IMPLEMENTED",
        "IN_PROGRESS>PARTIALLY_IMPLEMENTED",
        "IN_PROGRESS>NOT_IMPLEMENTED",
        "IN_PROGRESS>SUPERSEDED",
      ].sort(),
    );
  });

  it("knows nothing of unknown statuses and closed ones go nowhere", () => {
    expect(allowedNextStatuses("DONE")).toEqual([]);
    expect(canTransition("PROPOSED", "DONE")).toBe(false);
    expect(allowedNextStatuses("IMPLEMENTED")).toEqual([]);
  });

  it("counts as overdue only open recommendations past their due date", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    const past = new Date("2026-12-01T00:00:00Z");
    expect(isOverdue({ dueDate: past, status: "IN_PROGRESS" }, now)).toBe(true);
    expect(isOverdue({ dueDate: past, status: "IMPLEMENTED" }, now)).toBe(false);
    expect(isOverdue({ dueDate: null, status: "ADOPTED" }, now)).toBe(false);
  });
});
