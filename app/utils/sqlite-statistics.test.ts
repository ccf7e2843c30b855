import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { keepStatistics } from "./db.server";

// The app's SQLite connection gathers the query planner's statistics when it opens (docs/decisions/096).
describe("SQLite statistics", () => {
  it("are gathered for the tables that have rows when a connection opens, and the planner uses them", () => {
    const client = new Database(":memory:");
    try {
      client.exec(`CREATE TABLE r (meeting TEXT, status TEXT, role TEXT, created INTEGER);
        CREATE INDEX r_meeting_created ON r (meeting, created);
        CREATE INDEX r_meeting_status_role ON r (meeting, status, role);`);
      const insert = client.prepare("INSERT INTO r VALUES (?, ?, ?, ?)");
      client.transaction(() => {
        for (let i = 0; i < 5000; i++) insert.run("big", ["CONFIRMED", "PENDING", "WAITLISTED"][i % 3], ["DELEGATE", "OBSERVER", "SPEAKER", "EXPERT"][i % 4], i);
      })();
      const plan = () =>
        (client.prepare("EXPLAIN QUERY PLAN SELECT * FROM r WHERE meeting = ? AND status = ? AND role = ? ORDER BY created DESC LIMIT 50").all("big", "CONFIRMED", "DELEGATE") as { detail: string }[])
          .map((p) => p.detail)
          .join("; ");
      keepStatistics(client);
      expect(client.prepare("SELECT DISTINCT tbl FROM sqlite_stat1").all()).toEqual([{ tbl: "r" }]);
      // With the statistics, the few matching rows by status and role, sorted, not every row in date order.
      expect(plan()).toContain("r_meeting_status_role");
    } finally {
      client.close();
    }
  });
});
