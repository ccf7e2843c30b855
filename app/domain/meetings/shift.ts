import { fromLocalInput, toLocalInput } from "~/utils/dates";

const DAY_MS = 86_400_000;
const dayNumber = (isoDay: string) => Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10))) / DAY_MS;
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * Moves an instant from one session to the next keeping its wall-clock time in the zone: 09:30 in
 * Brussels stays 09:30 even when daylight saving time differs between the two dates. `fromDay` is the
 * first local day of the old meeting, `toDay` the first local day of the new one ("YYYY-MM-DD").
 */
export function shiftKeepingLocalTime(instant: Date, zone: string, fromDay: string, toDay: string): Date {
  const local = toLocalInput(instant, zone);
  const offsetDays = dayNumber(local.slice(0, 10)) - dayNumber(fromDay);
  const moved = fromLocalInput(`${isoDay(dayNumber(toDay) + offsetDays)}T${local.slice(11)}`, zone);
  if (!moved) throw new Error(`cannot shift ${instant.toISOString()} in ${zone}`);
  return moved;
}
