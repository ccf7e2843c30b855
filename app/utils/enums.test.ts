import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AGENCY_KINDS } from "~/domain/agencies/agency.schema";
import { AGENDA_KINDS, PERSON_ROLES } from "~/domain/agenda/agenda.schema";
import { ROLES } from "~/domain/auth/roles";
import { MAIL_STATUSES } from "~/domain/mail/log.server";
import { APPROVAL_MODES, FORMATS, VISIBILITIES } from "~/domain/meetings/meeting.schema";
import { MEETING_STATUSES } from "~/domain/meetings/status";
import { PRIORITIES, STATUSES } from "~/domain/recommendations/status";
import { ATTENDANCE, REGISTRATION_ROLES, REGISTRATION_STATUSES } from "~/domain/registration/registration.schema";
import * as Enums from "~/generated/prisma/enums.ts";
import { db, dialect } from "~/utils/db.server";

// The closed sets are said once, in prisma/schema.prisma (docs/decisions/062-enums-json-sort-keys.md).

const schemaEnums = () =>
  new Map([...fs.readFileSync("prisma/schema.prisma", "utf8").matchAll(/^enum (\w+) \{([^}]*)\}/gm)].map((m) => [m[1], m[2].split("\n").map((l) => l.trim()).filter(Boolean)]));

describe("enums", () => {
  it("the domain lists hold exactly the values of their Prisma enum", () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [AGENCY_KINDS, Enums.AgencyKind], [ROLES, Enums.Role], [FORMATS, Enums.MeetingFormat], [VISIBILITIES, Enums.MeetingVisibility],
      [MEETING_STATUSES, Enums.MeetingStatus], [APPROVAL_MODES, Enums.ApprovalMode], [AGENDA_KINDS, Enums.AgendaItemKind],
      [PERSON_ROLES, Enums.AgendaPersonRole], [REGISTRATION_ROLES, Enums.RegistrationRole], [REGISTRATION_STATUSES, Enums.RegistrationStatus],
      [ATTENDANCE, Enums.Attendance], [STATUSES, Enums.RecommendationStatus], [PRIORITIES, Enums.Priority], [MAIL_STATUSES, Enums.OutboxStatus],
    ];
    for (const [list, e] of pairs) expect([...list].sort()).toEqual(Object.values(e).sort());
  });

  it("declares every value in alphabetical order, so both databases sort an enum column alike", () => {
    const enums = schemaEnums();
    expect(enums.size).toBeGreaterThan(10);
    for (const [name, values] of enums) expect([name, values]).toEqual([name, [...values].sort()]);
  });

  it("has the same order in the database (PostgreSQL keeps the declaration order of its enum types)", async () => {
    if (dialect() !== "postgresql") return;
    const rows = await db.$queryRawUnsafe<{ typname: string; labels: string[] }[]>(
      `SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid GROUP BY t.typname`,
    );
    expect(new Map(rows.map((r) => [r.typname, r.labels]))).toEqual(schemaEnums());
  });

  it("compares sort keys byte by byte on PostgreSQL too (collation C), as SQLite does", async () => {
    if (dialect() !== "postgresql") return;
    const rows = await db.$queryRawUnsafe<{ table_name: string; collation_name: string | null }[]>(
      `SELECT table_name::text AS table_name, collation_name::text AS collation_name FROM information_schema.columns WHERE column_name = 'sortName' ORDER BY table_name`,
    );
    expect(rows).toEqual([
      { table_name: "Agency", collation_name: "C" },
      { table_name: "AgendaPerson", collation_name: "C" },
      { table_name: "Registration", collation_name: "C" },
    ]);
  });
});
