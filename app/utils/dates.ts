
// Instants are stored in UTC; every meeting has an IANA zone. These helpers are the one way to
// turn one into the other, on the server and in the browser alike. They read the platform's Intl
// time-zone data (no zone library in the browser bundle); dates.test.ts checks them against date-fns.
// The helpers that write words (days, months, the zone) take the reader's language last, English by
// default. French names are date-fns' fr locale's, written out here (dates.test.ts compares them with it):
// importing the locale put about 1 KB of JS on every public page (issue 10's budget, decision 079).

import type { Language } from "~/i18n/config";

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

// Wall-clock parts of an instant in a zone, from one Intl.DateTimeFormat per zone made once: a page
// formats every agenda time, and building a formatter (or a zoned date) each time was a sixth of its CPU.
type Parts = { year: number; month: number; day: number; hour: number; minute: number; offsetMinutes: number };
const partsFormats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAYS_FR = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_FR_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    // Zones come from the database (validated on save); the map stays as small as the set of zones used.
    partsFormats.set(zone, f);
  }
  return f;
}

// The parts of an instant in a zone never change, and pages show the same instants again and again (every
// view of a meeting page formats its whole agenda): formatToParts was still the agenda's costliest call.
// Remembered per zone and instant, in a bounded map emptied when full.
const knownParts = new Map<string, Parts>();
const KNOWN_PARTS_MAX = 20_000;

function partsIn(date: Date | string | number, zone: string): Parts {
  const ms = new Date(date).getTime();
  const key = `${zone} ${ms}`;
  const known = knownParts.get(key);
  if (known) return known;
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of partsFormat(zone).formatToParts(ms)) if (type in p) p[type as keyof typeof p] = Number(value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const parts = Object.freeze({ ...p, offsetMinutes: Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000) });
  if (knownParts.size >= KNOWN_PARTS_MAX) knownParts.clear();
  knownParts.set(key, parts);
  return parts;
}

const pad = (n: number) => String(n).padStart(2, "0");
const weekdayIndex = (p: Parts) => new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
const weekday = (p: Parts) => WEEKDAYS[weekdayIndex(p)];
const isoDay = (p: Parts) => `${p.year}-${pad(p.month)}-${pad(p.day)}`;
const clock = (p: Parts) => `${pad(p.hour)}:${pad(p.minute)}`;
// "mardi 1er juin 2027", "jeudi 4 juin 2026": French writes the first of the month as an ordinal.
const longDayFr = (p: Parts) =>
  `${WEEKDAYS_FR[weekdayIndex(p)]} ${p.day === 1 ? "1er" : p.day} ${MONTHS_FR[p.month - 1]} ${p.year}`;
const longDay = (p: Parts, language: Language = "en") => (language === "fr" ? longDayFr(p) : `${weekday(p)} ${p.day} ${MONTHS[p.month - 1]} ${p.year}`);
const offset = (p: Parts) => `${p.offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(p.offsetMinutes) / 60))}:${pad(Math.abs(p.offsetMinutes) % 60)}`;

// French names of the cities that name the zones meetings are most often held in; any other zone is named
// by the city of its IANA name ("heure de Nairobi").
const FRENCH_CITIES: Record<string, string> = {
  Brussels: "Bruxelles", Geneva: "Genève", Vienna: "Vienne", London: "Londres", Copenhagen: "Copenhague", Lisbon: "Lisbonne",
  Warsaw: "Varsovie", Athens: "Athènes", Bucharest: "Bucarest", Moscow: "Moscou", Algiers: "Alger", Tunis: "Tunis",
  Sao_Paulo: "São Paulo", Mexico_City: "Mexico", Beijing: "Pékin", Shanghai: "Shanghai", Singapore: "Singapour",
};

/** The zone as a French reader reads it: "heure de Bruxelles", "heure d’Amsterdam", "UTC". */
function frenchZone(zone: string): string {
  if (!zone.includes("/")) return zone;
  const id = zone.slice(zone.lastIndexOf("/") + 1);
  const city = FRENCH_CITIES[id] ?? id.replace(/_/g, " ");
  return /^[aeiouyhâéèêîôûAEIOUYHÂÉÈÊÎÔÛ]/.test(city) ? `heure d’${city}` : `heure de ${city}`;
}

/** "Thursday 4 June 2026", "jeudi 4 juin 2026" */
export function formatDay(date: Date | string, zone: string, language: Language = "en"): string {
  return longDay(partsIn(date, zone), language);
}

// Every time carries the offset of its own instant: a meeting or an agenda that runs into summer time is
// at UTC+01:00 before the change and UTC+02:00 after it (issue 11). The offset comes from the same
// remembered parts as the wall-clock time, so labelling each time costs nothing more.
const withOffset = (text: string, p: Parts, on: boolean) => (on ? `${text} (UTC${offset(p)})` : text);

/** "09:30", or "09:30 (UTC+02:00)" with `offsetToo`. */
export function formatTime(date: Date | string, zone: string, offsetToo = false): string {
  const p = partsIn(date, zone);
  return withOffset(clock(p), p, offsetToo);
}

/** "Thursday 4 June 2026, 09:30", or "… 09:30 (UTC+02:00)" with `offsetToo`; "jeudi 4 juin 2026, 09:30". */
export function formatDateTime(date: Date | string, zone: string, offsetToo = false, language: Language = "en"): string {
  const p = partsIn(date, zone);
  return withOffset(`${longDay(p, language)}, ${clock(p)}`, p, offsetToo);
}

/** "UTC+02:00": the zone's offset at that instant. */
export function utcOffset(date: Date | string, zone: string): string {
  return `UTC${offset(partsIn(date, zone))}`;
}

/** True when the zone's offset at `end` differs from that at `start` (the span runs over a DST change). */
export function offsetChanges(start: Date | string, end: Date | string, zone: string): boolean {
  return partsIn(start, zone).offsetMinutes !== partsIn(end, zone).offsetMinutes;
}

/** "4 Jun 2026", "4 juin 2026" (for due dates and lists) */
export function formatShortDate(date: Date | string, zone = "UTC", language: Language = "en"): string {
  const p = partsIn(date, zone);
  const month = language === "fr" ? MONTHS_FR_SHORT[p.month - 1] : MONTHS[p.month - 1].slice(0, 3);
  return `${p.day} ${month} ${p.year}`;
}

/** Names the zone a time is shown in: "Europe/Brussels (UTC+02:00)", "heure de Bruxelles (UTC+02:00)", the offset at that instant. */
export function zoneLabel(zone: string, at: Date | string = new Date(), language: Language = "en"): string {
  return `${language === "fr" ? frenchZone(zone) : zone} (UTC${offset(partsIn(at, zone))})`;
}

/**
 * Names the zone of the times of a span (a meeting and its agenda): "Europe/Brussels (UTC+02:00)", or, when
 * the offset changes during it, both offsets and when the change happens:
 * "Europe/Brussels (UTC+01:00, then UTC+02:00 from Sunday 28 March 2027, 03:00)".
 */
export function zoneSpanLabel(zone: string, start: Date | string, end: Date | string, language: Language = "en"): string {
  const s = partsIn(start, zone);
  const e = partsIn(end, zone);
  const name = language === "fr" ? frenchZone(zone) : zone;
  if (s.offsetMinutes === e.offsetMinutes) return `${name} (UTC${offset(s)})`;
  // The first minute with the new offset, by halving the span (offsets change on whole minutes).
  let lo = Math.floor(new Date(start).getTime() / 60_000);
  let hi = Math.floor(new Date(end).getTime() / 60_000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (partsIn(mid * 60_000, zone).offsetMinutes === s.offsetMinutes) lo = mid;
    else hi = mid;
  }
  const c = partsIn(hi * 60_000, zone);
  if (language === "fr") return `${name} (UTC${offset(s)}, puis UTC${offset(c)} à partir du ${longDay(c, "fr")}, ${clock(c)})`;
  return `${zone} (UTC${offset(s)}, then UTC${offset(c)} from ${longDay(c)}, ${clock(c)})`;
}

/**
 * "Thursday 4 June 2026, 09:30–17:00 Europe/Brussels (UTC+02:00)". A span over a DST change labels each
 * end with its own offset: "Saturday 27 March 2027, 09:00 (UTC+01:00) – Monday 29 March 2027, 17:00
 * (UTC+02:00) Europe/Brussels".
 */
export function formatRange(start: Date | string, end: Date | string, zone: string, language: Language = "en"): string {
  const s = partsIn(start, zone);
  const e = partsIn(end, zone);
  const sameDay = isoDay(s) === isoDay(e);
  if (language === "fr") return formatRangeFr(s, e, sameDay, zone);
  if (s.offsetMinutes !== e.offsetMinutes) {
    const from = `${longDay(s)}, ${clock(s)} (UTC${offset(s)})`;
    const to = `${sameDay ? "" : `${longDay(e)}, `}${clock(e)} (UTC${offset(e)})`;
    return `${from} – ${to} ${zone}`;
  }
  const tail = `${zone} (UTC${offset(s)})`;
  return sameDay ? `${longDay(s)}, ${clock(s)}–${clock(e)} ${tail}` : `${longDay(s)}, ${clock(s)} – ${longDay(e)}, ${clock(e)} ${tail}`;
}

/**
 * A row whose start, end and zone become the one line a list shows (formatRange), made on the server with the
 * row: the browser then gets a string, not two instants and a zone to revive and format again.
 */
export function withDateRange<R extends { startsAt: Date; endsAt: Date; timeZone: string }>({ startsAt, endsAt, timeZone, ...row }: R, language: Language) {
  return { ...row, when: formatRange(startsAt, endsAt, timeZone, language) };
}

/**
 * "jeudi 4 juin 2026, 09:30–17:00 (heure de Bruxelles, UTC+02:00)"; over a DST change each end carries its
 * offset: "samedi 27 mars 2027, 09:00 (UTC+01:00) – lundi 29 mars 2027, 17:00 (UTC+02:00) (heure de Bruxelles)".
 */
function formatRangeFr(s: Parts, e: Parts, sameDay: boolean, zone: string): string {
  const name = frenchZone(zone);
  if (s.offsetMinutes !== e.offsetMinutes) {
    const to = `${sameDay ? "" : `${longDay(e, "fr")}, `}${clock(e)} (UTC${offset(e)})`;
    return `${longDay(s, "fr")}, ${clock(s)} (UTC${offset(s)}) – ${to} (${name})`;
  }
  const tail = `(${name}, UTC${offset(s)})`;
  return sameDay ? `${longDay(s, "fr")}, ${clock(s)}–${clock(e)} ${tail}` : `${longDay(s, "fr")}, ${clock(s)} – ${longDay(e, "fr")}, ${clock(e)} ${tail}`;
}

/** Value for <input type="datetime-local"> showing the instant in the zone: "2026-06-04T09:30". */
export function toLocalInput(date: Date | string | null | undefined, zone: string): string {
  if (!date) return "";
  const p = partsIn(date, zone);
  return `${isoDay(p)}T${clock(p)}`;
}

/** Value for <input type="date">: "2026-06-04". */
export function toDateInput(date: Date | string | null | undefined, zone = "UTC"): string {
  if (!date) return "";
  return isoDay(partsIn(date, zone));
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
  return new Date(wallClockToInstant(Date.UTC(y, mo - 1, d, h, mi, s), zone));
}

/** The instant a wall-clock time (given as if it were UTC) names in a zone. */
function wallClockToInstant(wall: number, zone: string): number {
  const first = partsIn(wall, zone).offsetMinutes;
  const guess = wall - first * 60_000;
  const second = partsIn(guess, zone).offsetMinutes;
  if (second === first) return guess;
  const retry = wall - second * 60_000;
  if (partsIn(retry, zone).offsetMinutes === second) return retry;
  // A wall time skipped by a change to summer time: read with the offset before the change (as date-fns does).
  return wall - Math.min(first, second) * 60_000;
}

/** Reads "2026-06-04" as the start of that day in the zone. */
export function fromDateInput(value: string, zone = "UTC"): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return null;
  return fromLocalInput(`${value.trim()}T00:00`, zone);
}

/** The French names above, for dates.test.ts to compare with date-fns' fr locale. */
export const FRENCH_NAMES = { weekdays: WEEKDAYS_FR, months: MONTHS_FR, monthsShort: MONTHS_FR_SHORT };
