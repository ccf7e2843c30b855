import type { Language } from "~/i18n/config";
import { formatDay, formatTime, offsetChanges } from "~/utils/dates";

// The agenda's times, formatted on the server in the meeting's zone and the reader's language: the public
// pages then send the browser text, not the date code (the meeting page's JavaScript budget, issue 10), and
// the browser cannot format a time differently from the server (its time-zone data may be older).

export type AgendaWhen = { day: string; start: string; end: string };
type Timed = { startsAt: Date | string; endsAt: Date | string; children: Timed[] };
export type WithWhen<N> = N extends { children: (infer C)[] } ? Omit<N, "children"> & { when: AgendaWhen; children: WithWhen<C>[] } : never;

/** Adds `when` (day heading, start and end time) to every item; times carry their UTC offset when the agenda spans a DST change. */
export function withAgendaTimes<N extends Timed>(items: N[], timeZone: string, language: Language): WithWhen<N>[] {
  if (!items.length) return [];
  const lastEnd = items.reduce((t, i) => Math.max(t, new Date(i.endsAt).getTime()), 0);
  const offsetToo = offsetChanges(items[0].startsAt, new Date(lastEnd), timeZone);
  const add = (item: Timed): unknown => ({
    ...item,
    when: { day: formatDay(item.startsAt, timeZone, language), start: formatTime(item.startsAt, timeZone, offsetToo), end: formatTime(item.endsAt, timeZone, offsetToo) },
    children: item.children.map(add),
  });
  return items.map(add) as WithWhen<N>[];
}
