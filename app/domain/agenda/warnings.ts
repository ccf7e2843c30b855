// Agenda warnings: things an organiser should look at, never errors (a parallel track, a long lunch
// outside the official hours and a chair who opens two panels can all be intended). Worded by the
// reader's `t` (admin namespace).
import type { T } from "~/i18n/translate";

export type WarningItem = {
  id: string;
  parentId: string | null;
  title: string;
  kind: string;
  room: string;
  startsAt: Date;
  endsAt: Date;
  people: { name: string }[];
};

export type AgendaWarning = { itemId: string; message: string };

const overlaps = (a: WarningItem, b: WarningItem) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const related = (a: WarningItem, b: WarningItem) => a.parentId === b.id || b.parentId === a.id;
const personKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");
const roomKey = (room: string) => room.trim().toLowerCase().replace(/\s+/g, " ");
/** Parallel sessions in different rooms are normal; an item without a room is plenary and shares every room (decision 073). */
const sameRoom = (a: WarningItem, b: WarningItem) => !roomKey(a.room) || !roomKey(b.room) || roomKey(a.room) === roomKey(b.room);

export function agendaWarnings(meeting: { startsAt: Date; endsAt: Date }, items: WarningItem[], t: T): AgendaWarning[] {
  const warnings: AgendaWarning[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const item of items) {
    if (item.startsAt < meeting.startsAt || item.endsAt > meeting.endsAt)
      warnings.push({ itemId: item.id, message: t("admin:agenda.warning.outside", { title: item.title }) });
    if (item.endsAt <= item.startsAt) warnings.push({ itemId: item.id, message: t("admin:agenda.warning.endsBeforeStart", { title: item.title }) });
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    if (parent && (item.startsAt < parent.startsAt || item.endsAt > parent.endsAt))
      warnings.push({ itemId: item.id, message: t("admin:agenda.warning.outsideParent", { title: item.title, parent: parent.title }) });
  }
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (!overlaps(a, b) || related(a, b)) continue;
      if (a.parentId === b.parentId && sameRoom(a, b)) {
        const message = roomKey(a.room) && roomKey(b.room) ? t("admin:agenda.warning.overlapRoom", { a: a.title, b: b.title, room: b.room.trim() }) : t("admin:agenda.warning.overlap", { a: a.title, b: b.title });
        warnings.push({ itemId: b.id, message });
      }
      const people = new Set(a.people.map((p) => personKey(p.name)));
      for (const p of b.people) {
        if (people.has(personKey(p.name))) warnings.push({ itemId: b.id, message: t("admin:agenda.warning.person", { name: p.name, a: a.title, b: b.title }) });
      }
    }
  }
  return warnings;
}
