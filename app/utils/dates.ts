import { format } from "date-fns";
import { TZDate } from "@date-fns/tz";

// Instants are stored in UTC; every meeting has an IANA zone. These helpers are the one way to
// turn one into the other, on the server and in the browser alike.

const zoneCache = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  let ok = zoneCache.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-GB", { timeZone: zone });
      ok = zone.includes("/") || zone === "UTC";
    } catch {
      ok = false;
    }
    zoneCache.set(zone, ok);
  }
  return ok;
}

/** IANA zones for pickers. */
export function timeZoneOptions(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  return supported ? supported("timeZone") : ["Europe/Brussels", "Europe/Paris", "UTC"];
}

export function inZone(date: Date | string, zone: string): TZDate {
  return new TZDate(new Date(date).getTime(), zone);
}

/** "Thursday 4 June 2026" */
export function formatDay(date: Date | string, zone: string): string {
  return format(inZone(date, zone), "EEEE d MMMM yyyy");
}

/** "09:30" */
export function formatTime(date: Date | string, zone: string): string {
  return format(inZone(date, zone), "HH:mm");
}

/** "Thursday 4 June 2026, 09:30" */
export function formatDateTime(date: Date | string, zone: string): string {
  return format(inZone(date, zone), "EEEE d MMMM yyyy, HH:mm");
}

/** "4 Jun 2026" (for due dates and lists) */
export function formatShortDate(date: Date | string, zone = "UTC"): string {
  return format(inZone(date, zone), "d MMM yyyy");
}

/** Names the zone a time is shown in: "Europe/Brussels (UTC+02:00)". */
export function zoneLabel(zone: string, at: Date | string = new Date()): string {
  return `${zone} (UTC${format(inZone(at, zone), "xxx")})`;
}

/** "09:30–17:00 Europe/Brussels (UTC+02:00)" */
export function formatRange(start: Date | string, end: Date | string, zone: string): string {
  const sameDay = format(inZone(start, zone), "yyyy-MM-dd") === format(inZone(end, zone), "yyyy-MM-dd");
  const tail = zoneLabel(zone, start);
  return sameDay
    ? `${formatDay(start, zone)}, ${formatTime(start, zone)}–${formatTime(end, zone)} ${tail}`
    : `${formatDateTime(start, zone)} – ${formatDateTime(end, zone)} ${tail}`;
}

/** Value for <input type="datetime-local"> showing the instant in the zone: "2026-06-04T09:30". */
export function toLocalInput(date: Date | string | null | undefined, zone: string): string {
  if (!date) return "";
  return format(inZone(date, zone), "yyyy-MM-dd'T'HH:mm");
}

/** Value for <input type="date">: "2026-06-04". */
export function toDateInput(date: Date | string | null | undefined, zone = "UTC"): string {
  if (!date) return "";
  return format(inZone(date, zone), "yyyy-MM-dd");
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a wall-clock time in a zone ("2026-06-04T09:30" in Europe/Brussels) as a UTC instant.
 * Returns null for malformed or impossible values (30 February, 25:00).
 */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = LOCAL_RE.exec(value.trim());
  if (!m || !isValidTimeZone(zone)) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1) return null;
  const result = new TZDate(y, mo - 1, d, h, mi, s, zone);
  return new Date(result.getTime());
}

/** Reads "2026-06-04" as the start of that day in the zone. */
export function fromDateInput(value: string, zone = "UTC"): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return null;
  return fromLocalInput(`${value.trim()}T00:00`, zone);
}
