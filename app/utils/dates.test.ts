import { describe, expect, it } from "vitest";
import { formatRange, fromLocalInput, isValidTimeZone, toLocalInput, zoneLabel } from "./dates";

describe("meeting-local time", () => {
  it("reads a wall-clock time in the meeting zone as UTC, across DST", () => {
    expect(fromLocalInput("2026-06-04T09:00", "Europe/Brussels")?.toISOString()).toBe("2026-06-04T07:00:00.000Z");
    expect(fromLocalInput("2026-01-15T09:00", "Europe/Brussels")?.toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(fromLocalInput("2026-06-04T09:00", "America/New_York")?.toISOString()).toBe("2026-06-04T13:00:00.000Z");
  });

  it("rejects impossible dates and unknown zones", () => {
    expect(fromLocalInput("2026-02-30T09:00", "Europe/Brussels")).toBeNull();
    expect(fromLocalInput("2026-06-04T25:00", "Europe/Brussels")).toBeNull();
    expect(fromLocalInput("tomorrow", "Europe/Brussels")).toBeNull();
    expect(fromLocalInput("2026-06-04T09:00", "Mars/Olympus")).toBeNull();
    expect(isValidTimeZone("Europe/Brussels")).toBe(true);
    expect(isValidTimeZone("Not/AZone")).toBe(false);
  });

  it("round-trips through the form value and names the zone", () => {
    const utc = new Date("2026-06-04T07:00:00Z");
    expect(toLocalInput(utc, "Europe/Brussels")).toBe("2026-06-04T09:00");
    expect(zoneLabel("Europe/Brussels", utc)).toBe("Europe/Brussels (UTC+02:00)");
    expect(formatRange(utc, new Date("2026-06-04T15:30:00Z"), "Europe/Brussels")).toBe(
      "Thursday 4 June 2026, 09:00–17:30 Europe/Brussels (UTC+02:00)",
    );
  });
});
