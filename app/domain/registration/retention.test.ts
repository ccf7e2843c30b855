import type { TKey } from "~/i18n/translate";
import { describe, expect, it } from "vitest";
import { db, dialect } from "~/utils/db.server";
import { createAgency, createMeeting } from "~/test/factories";
import { registerPerson } from "~/test/factories.registration";
import { audit } from "~/domain/audit/audit.server";
import { createFollowUpDraft, sendFollowUp } from "~/domain/mail/followups.server";
import { followUpSchema } from "~/domain/mail/followup.schema";
import { cancelRegistration, updateDetailsByToken } from "./registration.server";
import { createInvitation } from "./organiser.server";
import { runRetention } from "./retention.server";
import { actor } from "~/test/factories.recommendations";

// Retention erases a person everywhere their name and address were copied: registration, status
// history, invitations, mail (outbox), audit snapshots, spent sign-in links and abuse counters. The
// proof searches every text column of every table.

type Hit = { table: string; column: string; needle: string };

/** Every text column of every table (Prisma's own aside), on either database. */
async function textColumns(): Promise<{ table: string; column: string }[]> {
  if (dialect() === "postgresql") {
    return db.$queryRawUnsafe<{ table: string; column: string }[]>(
      `SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_prisma%'
         AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`,
    );
  }
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'",
  );
  const columns: { table: string; column: string }[] = [];
  for (const { name: table } of tables) {
    const info = await db.$queryRawUnsafe<{ name: string; type: string }[]>(`PRAGMA table_info("${table}")`);
    for (const c of info.filter((c) => /TEXT|CHAR|CLOB|JSON/i.test(c.type))) columns.push({ table, column: c.name });
  }
  return columns;
}

async function findEverywhere(needles: string[]): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (const { table, column } of await textColumns()) {
    for (const needle of needles) {
      const found = dialect() === "postgresql" ? `strpos(lower("${column}"::text), $1) > 0` : `instr(lower("${column}"), ?) > 0`;
      const [{ n }] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE ${found}`, needle.toLowerCase());
      if (Number(n) > 0) hits.push({ table, column, needle });
    }
  }
  return hits;
}

function needlesFor(p: { name: string; email: string }): string[] {
  // The unsubscribe link in a mail's headers carries the address in base64url.
  return [p.name, p.email, Buffer.from(p.email.toLowerCase()).toString("base64url")];
}

describe("retention", () => {
  it("leaves the person's name and address nowhere in the database", async () => {
    const agency = await createAgency();
    const staff = await actor("ORGANISER");
    const past = await createMeeting({ startsAt: new Date("2030-01-10T08:00:00Z"), endsAt: new Date("2030-01-10T16:00:00Z"), capacity: 1 });
    const kept = await createMeeting({ startsAt: new Date("2030-09-01T08:00:00Z"), endsAt: new Date("2030-09-01T16:00:00Z") });
    await db.meeting.updateMany({ where: { id: { in: [past.id, kept.id] } }, data: { retentionDays: 30 } });

    const ingrid = { name: "Ingrid Quarterbridge", email: "Ingrid.Quarterbridge@retention.example" };
    const waiting = { name: "Waldemar Oxleyhurst", email: "w.oxleyhurst@retention.example" };
    const other = { name: "Keeper Stillhere", email: "keeper.stillhere@retention.example" };

    // Registration, confirmation mail, status history, a change of details (audited with snapshots).
    const r = await registerPerson(past.id, agency.id, { person: { ...ingrid, dietary: "No nuts", accessibility: "Wheelchair", jobTitle: "Analyst" } });
    expect(await updateDetailsByToken(r.token, { name: ingrid.name, jobTitle: "Senior analyst", role: "DELEGATE", dietary: "No nuts", accessibility: "Wheelchair", listConsent: true })).toEqual({ ok: true });
    // A waitlisted person, cancelled with a reason naming them: status history and cancellation mail. Reasons
    // are translation keys now; free text like this is what rows written before hold.
    const w = await registerPerson(past.id, agency.id, { person: waiting });
    await cancelRegistration(w.id, staff.id, `Cancelled for ${waiting.name} by phone` as TKey);
    // A personal invitation (mail + audit), a follow-up to the participants, a free-form audit entry.
    const inv = await createInvitation(staff, past.id, { email: ingrid.email });
    expect(inv.ok).toBe(true);
    await db.registration.updateMany({ where: { meetingId: past.id }, data: { attendance: "ATTENDED" } });
    const followUp = followUpSchema(past.timeZone).parse({ subject: "Thank you", summary: "Thanks for coming to the meeting.", audience: "STATUS", statuses: ["CONFIRMED", "CANCELLED"] });
    const draft = await createFollowUpDraft({ id: staff.id, role: "ORGANISER", agencyId: null, name: staff.name, email: staff.email }, past.id, followUp);
    await sendFollowUp({ id: staff.id, role: "ORGANISER", agencyId: null, name: staff.name, email: staff.email }, past.id, draft!.id);
    await db.$transaction((tx) => audit(tx, { userId: staff.id, entity: "Agency", entityId: agency.id, action: "note", after: { contact: ingrid.email } }));
    // A spent sign-in link and an expired abuse counter keyed by the address.
    await db.loginToken.create({ data: { tokenHash: `h-${r.id}`, email: ingrid.email.toLowerCase(), expiresAt: new Date("2030-01-01T00:00:00Z"), usedAt: new Date("2030-01-01T00:00:00Z") } });
    await db.rateLimit.create({ data: { key: `signin:${ingrid.email.toLowerCase()}`, points: 1, expire: new Date("2030-01-01T00:00:00Z") } });
    // Someone at a meeting that is not due yet keeps their data.
    await registerPerson(kept.id, agency.id, { person: other });

    const everywhere = [...needlesFor(ingrid), ...needlesFor(waiting)];
    expect((await findEverywhere(everywhere)).map((h) => h.table)).toEqual(
      expect.arrayContaining(["Registration", "RegistrationEvent", "OutboxMessage", "AuditLog", "Invitation", "LoginToken", "RateLimit"]),
    );

    const res = await runRetention(new Date("2030-02-15T00:00:00Z"));
    expect(res).toMatchObject({ meetings: 1, registrations: 2 });

    expect(await findEverywhere(everywhere)).toEqual([]);
    expect((await findEverywhere(needlesFor(other))).map((h) => h.table)).toContain("Registration");

    // What stays: counts, statuses, attendance, the mail log's rows and the audit trail's rows.
    const rows = await db.registration.findMany({ where: { meetingId: past.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((x) => [x.name, x.status, x.attendance])).toEqual([
      ["Anonymised participant", "CONFIRMED", "ATTENDED"],
      ["Anonymised participant", "CANCELLED", "ATTENDED"],
    ]);
    expect(await db.outboxMessage.count({ where: { meetingId: past.id } })).toBeGreaterThan(3);
    expect(await db.outboxMessage.count({ where: { meetingId: past.id, status: { in: ["QUEUED", "DRAFT", "SENDING"] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { meetingId: past.id, entity: "Registration" } })).toBeGreaterThan(0);
  });
});
