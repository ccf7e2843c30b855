import { describe, expect, it } from "vitest";
import { format } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { fr } from "date-fns/locale/fr";
import {
  FRENCH_NAMES, formatDateTime, formatDay, formatRange, formatShortDate, formatTime, fromLocalInput, isValidTimeZone, offsetChanges, toDateInput, toLocalInput, utcOffset, zoneLabel, zoneSpanLabel,
} from "./dates";

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

describe("formatting in a zone", () => {
  // The formatters read Intl parts (one formatter per zone); date-fns with a zoned date is the reference.
  const zones = ["Europe/Brussels", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "UTC"];
  const instants = Array.from({ length: 100 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 3_703_466_247));
  it("matches date-fns for days, times, offsets and inputs, DST changes included", () => {
    for (const zone of zones) {
      for (const at of [...instants, new Date("2026-03-29T01:00:00Z"), new Date("2026-10-25T00:59:59Z"), new Date("2026-10-25T01:00:00Z")]) {
        const z = new TZDate(at.getTime(), zone);
        expect(formatDay(at, zone)).toBe(format(z, "EEEE d MMMM yyyy"));
        expect(formatTime(at.toISOString(), zone)).toBe(format(z, "HH:mm"));
        expect(formatDateTime(at, zone)).toBe(format(z, "EEEE d MMMM yyyy, HH:mm"));
        expect(formatShortDate(at, zone)).toBe(format(z, "d MMM yyyy"));
        expect(zoneLabel(zone, at)).toBe(`${zone} (UTC${format(z, "xxx")})`);
        expect(toLocalInput(at, zone)).toBe(format(z, "yyyy-MM-dd'T'HH:mm"));
        expect(toDateInput(at, zone)).toBe(format(z, "yyyy-MM-dd"));
      }
    }
  });

  it("reads wall-clock times as date-fns does, in the hours skipped or repeated by DST changes too", () => {
    for (const zone of zones) {
      for (const day of ["2026-03-08", "2026-03-29", "2026-04-05", "2026-09-27", "2026-10-04", "2026-10-25", "2026-11-01", "2026-06-04"]) {
        for (const time of ["00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "09:15"]) {
          const [y, mo, d] = day.split("-").map(Number);
          const [h, mi] = time.split(":").map(Number);
          expect(fromLocalInput(`${day}T${time}`, zone)?.toISOString()).toBe(new Date(new TZDate(y, mo - 1, d, h, mi, 0, zone).getTime()).toISOString());
        }
      }
    }
  });

  it("names both ends of a range over several days", () => {
    expect(formatRange(new Date("2026-06-04T07:00:00Z"), new Date("2026-06-05T15:30:00Z"), "Europe/Brussels")).toBe(
      "Thursday 4 June 2026, 09:00 – Friday 5 June 2026, 17:30 Europe/Brussels (UTC+02:00)",
    );
  });

  it("labels each time with its own offset when a meeting or its agenda runs over a DST change", () => {
    const zone = "Europe/Brussels";
    // Summer time starts on Sunday 28 March 2027 at 01:00 UTC (02:00 local becomes 03:00).
    const start = new Date("2027-03-27T23:30:00Z"); // Sunday 28 March, 00:30 at UTC+01:00
    const end = new Date("2027-03-30T15:00:00Z"); // Tuesday 30 March, 17:00 at UTC+02:00
    expect(formatRange(start, end, zone)).toBe("Sunday 28 March 2027, 00:30 (UTC+01:00) – Tuesday 30 March 2027, 17:00 (UTC+02:00) Europe/Brussels");
    expect(formatRange(start, new Date("2027-03-28T02:00:00Z"), zone)).toBe("Sunday 28 March 2027, 00:30 (UTC+01:00) – 04:00 (UTC+02:00) Europe/Brussels");
    expect(zoneSpanLabel(zone, start, end)).toBe("Europe/Brussels (UTC+01:00, then UTC+02:00 from Sunday 28 March 2027, 03:00)");
    expect(offsetChanges(start, end, zone)).toBe(true);
    expect(formatTime(start, zone, true)).toBe("00:30 (UTC+01:00)");
    expect(formatTime(new Date("2027-03-29T07:00:00Z"), zone, true)).toBe("09:00 (UTC+02:00)");
    expect(formatDateTime(end, zone, true)).toBe("Tuesday 30 March 2027, 17:00 (UTC+02:00)");
    expect(utcOffset(start, zone)).toBe("UTC+01:00");
    expect(utcOffset(end, zone)).toBe("UTC+02:00");
    // Back to winter time on Sunday 31 October 2027 at 01:00 UTC (03:00 local becomes 02:00).
    const autumn = [new Date("2027-10-30T07:00:00Z"), new Date("2027-11-01T16:00:00Z")] as const;
    expect(formatRange(...autumn, zone)).toBe("Saturday 30 October 2027, 09:00 (UTC+02:00) – Monday 1 November 2027, 17:00 (UTC+01:00) Europe/Brussels");
    expect(zoneSpanLabel(zone, ...autumn)).toBe("Europe/Brussels (UTC+02:00, then UTC+01:00 from Sunday 31 October 2027, 02:00)");
    // A span within one offset keeps the short form; so does any span in a zone without DST.
    expect(zoneSpanLabel(zone, new Date("2027-04-01T07:00:00Z"), new Date("2027-04-02T15:00:00Z"))).toBe("Europe/Brussels (UTC+02:00)");
    expect(offsetChanges(new Date("2027-04-01T07:00:00Z"), new Date("2027-04-02T15:00:00Z"), zone)).toBe(false);
    expect(zoneSpanLabel("Asia/Kolkata", start, end)).toBe("Asia/Kolkata (UTC+05:30)");
  });
});

describe("formatting in French", () => {
  const zone = "Europe/Brussels";
  it("writes days, months and the zone with date-fns' fr locale", () => {
    const at = new Date("2026-06-04T07:00:00Z");
    expect(formatDateTime(at, zone, false, "fr")).toBe("jeudi 4 juin 2026, 09:00");
    expect(formatDay(new Date("2027-06-01T07:00:00Z"), zone, "fr")).toBe("mardi 1er juin 2027");
    expect(zoneLabel(zone, at, "fr")).toBe("heure de Bruxelles (UTC+02:00)");
    expect(zoneLabel("America/Anchorage", at, "fr")).toBe("heure d’Anchorage (UTC-08:00)");
    expect(formatShortDate(at, zone, "fr")).toBe("4 juin 2026");
    expect(formatRange(at, new Date("2026-06-04T15:00:00Z"), zone, "fr")).toBe("jeudi 4 juin 2026, 09:00–17:00 (heure de Bruxelles, UTC+02:00)");
    expect(formatRange(at, new Date("2026-06-05T15:30:00Z"), zone, "fr")).toBe(
      "jeudi 4 juin 2026, 09:00 – vendredi 5 juin 2026, 17:30 (heure de Bruxelles, UTC+02:00)",
    );
  });

  it("uses date-fns' fr locale's names, written out so the browser does not load the locale", () => {
    expect(FRENCH_NAMES.weekdays).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => fr.localize.day(d as 0, { width: "wide" })));
    expect(FRENCH_NAMES.months).toEqual([...Array(12).keys()].map((m) => fr.localize.month(m as 0, { width: "wide" })));
    expect(FRENCH_NAMES.monthsShort).toEqual([...Array(12).keys()].map((m) => fr.localize.month(m as 0, { width: "abbreviated" })));
    expect(fr.localize.ordinalNumber(1)).toBe("1er");
  });

  it("labels each end with its offset over a DST change", () => {
    const start = new Date("2027-03-27T23:30:00Z");
    const end = new Date("2027-03-30T15:00:00Z");
    expect(formatRange(start, end, zone, "fr")).toBe("dimanche 28 mars 2027, 00:30 (UTC+01:00) – mardi 30 mars 2027, 17:00 (UTC+02:00) (heure de Bruxelles)");
    expect(zoneSpanLabel(zone, start, end, "fr")).toBe("heure de Bruxelles (UTC+01:00, puis UTC+02:00 à partir du dimanche 28 mars 2027, 03:00)");
  });
});
