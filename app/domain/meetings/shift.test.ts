import { describe, expect, it } from "vitest";
import { shiftKeepingLocalTime } from "./shift";

describe("shiftKeepingLocalTime", () => {
  it("keeps 09:30 Brussels time when the new date is after the switch to summer time", () => {
    // 19 March 2026 09:30 CET (UTC+1) -> 2 April 2026 09:30 CEST (UTC+2)
    const moved = shiftKeepingLocalTime(new Date("2026-03-19T08:30:00Z"), "Europe/Brussels", "2026-03-19", "2026-04-02");
    expect(moved.toISOString()).toBe("2026-04-02T07:30:00.000Z");
  });

  it("keeps the day offset of multi-day meetings", () => {
    const secondDay = shiftKeepingLocalTime(new Date("2026-10-21T15:00:00Z"), "Europe/Brussels", "2026-10-20", "2026-11-03");
    // 21 Oct 17:00 CEST -> 4 Nov 17:00 CET
    expect(secondDay.toISOString()).toBe("2026-11-04T16:00:00.000Z");
  });
});
