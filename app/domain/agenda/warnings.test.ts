import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { agendaWarnings as warningsIn, type WarningItem } from "./warnings";

const t = (hhmm: string) => new Date(`2026-06-04T${hhmm}:00Z`);
const item = (id: string, start: string, end: string, over: Partial<WarningItem> = {}): WarningItem => ({
  id, parentId: null, title: id, kind: "SESSION", room: "", startsAt: t(start), endsAt: t(end), people: [], ...over,
});
const meeting = { startsAt: t("07:00"), endsAt: t("15:00") };
const agendaWarnings = (m: typeof meeting, items: WarningItem[]) => warningsIn(m, items, tFor("en"));

describe("agendaWarnings", () => {
  it("finds nothing in a clean agenda, with sub-items inside their parent", () => {
    const items = [item("a", "07:00", "08:00"), item("b", "08:00", "09:00"), item("b1", "08:00", "08:30", { parentId: "b" })];
    expect(agendaWarnings(meeting, items)).toEqual([]);
  });

  it("warns about overlapping items at the same level", () => {
    const w = agendaWarnings(meeting, [item("a", "07:00", "08:30"), item("b", "08:00", "09:00")]);
    expect(w).toEqual([{ itemId: "b", message: "“b” overlaps “a”." }]);
  });

  it("warns about items outside the meeting's hours", () => {
    const w = agendaWarnings(meeting, [item("late", "14:30", "16:00")]);
    expect(w.map((x) => x.message)).toEqual(["“late” is outside the meeting's hours."]);
  });

  it("warns about a person in two places at once, even in parallel items of different sessions", () => {
    const items = [
      item("s1", "07:00", "09:00"),
      item("s2", "07:00", "09:00"),
      item("p1", "08:00", "08:30", { parentId: "s1", people: [{ name: "Sophie  Lambert" }] }),
      item("p2", "08:15", "08:45", { parentId: "s2", people: [{ name: "sophie lambert" }] }),
    ];
    const messages = agendaWarnings(meeting, items).map((x) => x.message);
    expect(messages).toContain("sophie lambert is in “p1” and “p2” at the same time.");
  });

  it("warns about a sub-item that lies outside its parent's time", () => {
    const items = [item("s", "08:00", "09:00"), item("early", "07:30", "08:15", { parentId: "s" }), item("late", "08:45", "09:30", { parentId: "s" })];
    expect(agendaWarnings(meeting, items).map((x) => x.message)).toEqual([
      "“early” lies outside the time of “s”, which it is part of.",
      "“late” lies outside the time of “s”, which it is part of.",
    ]);
  });

  it("does not warn about parallel sessions in different rooms", () => {
    const items = [item("a", "08:00", "09:00", { room: "Room 1" }), item("b", "08:00", "09:00", { room: "Room 2" })];
    expect(agendaWarnings(meeting, items)).toEqual([]);
  });

  it("warns about overlaps in the same room, written either way", () => {
    const items = [item("a", "08:00", "09:00", { room: "Room 1" }), item("b", "08:30", "09:30", { room: " room 1 " })];
    expect(agendaWarnings(meeting, items).map((x) => x.message)).toEqual(["“b” overlaps “a” in room 1."]);
  });

  it("words the warnings in the reader's language", () => {
    const w = warningsIn(meeting, [item("a", "07:00", "08:30", { room: "Salle 1" }), item("b", "08:00", "09:00", { room: "salle 1" })], tFor("fr"));
    expect(w.map((x) => x.message)).toEqual(["« b » chevauche « a » (salle 1)."]);
  });

  it("treats an item without a room as plenary: it overlaps items in every room", () => {
    const items = [item("plenary", "08:00", "09:00"), item("b", "08:30", "09:30", { room: "Room 2" })];
    expect(agendaWarnings(meeting, items).map((x) => x.itemId)).toEqual(["b"]);
  });
});
