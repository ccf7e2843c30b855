import { db } from "~/utils/db.server";

/** Agenda items for a meeting: [title, startISO, endISO, parentIndex?]. */
export async function createAgenda(meetingId: string, items: [string, string, string, number?][]) {
  const ids: string[] = [];
  for (const [title, start, end, parent] of items) {
    const row = await db.agendaItem.create({
      data: { meetingId, title, startsAt: new Date(start), endsAt: new Date(end), parentId: parent === undefined ? null : ids[parent] },
    });
    ids.push(row.id);
  }
  return ids;
}
