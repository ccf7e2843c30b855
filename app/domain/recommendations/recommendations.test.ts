import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { createAgency, createMeeting, createUser, formRequest, requestAs, responseStatus, routeArgs } from "~/test/factories";
import { actor, createRecommendationRow, createTheme } from "~/test/factories.recommendations";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { AGENCIES_SHOWN, dashboard } from "./dashboard.server";
import { importRecommendations } from "./import.server";
import { acceptProgressUpdate, readProgressLink, requestProgress, returnProgressUpdate, submitProgressUpdate, submitViaProgressLink } from "./progress.server";
import { changeStatus, createRecommendation, getRecommendationDetail, listRecommendations, recommendationsCsvRows, updateRecommendation } from "./recommendations.server";
import { loader as detailLoader } from "~/routes/recommendations.$id._index";
import { loader as listLoader } from "~/routes/recommendations._index";
import { action as newAction, loader as newLoader } from "~/routes/recommendations.new";

async function expectStatus(p: Promise<unknown>, status: number) {
  const thrown = await p.then(() => null, (e: unknown) => e);
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(status);
}

describe("recording a recommendation", () => {
  it("saves a valid one with its history, and refuses bad references as field errors without saving", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting({ startsAt: new Date("2026-06-04T07:00:00Z") });
    const other = await createMeeting();
    const item = await db.agendaItem.create({ data: { meetingId: other.id, kind: "SESSION", title: "Elsewhere", startsAt: other.startsAt, endsAt: other.endsAt, position: 0 } });
    const lead = await createAgency();
    const theme = await createTheme();
    const base = { code: "BRU-T-01", title: "Harmonise data", text: "Harmonise.", meetingId: meeting.id, leadAgencyId: lead.id, supportingAgencyIds: [], themeIds: [theme.id], priority: "HIGH" as const, dueDate: "2027-01-31" };

    const ok = await createRecommendation(sec, base);
    expect(ok.ok).toBe(true);
    const saved = await db.recommendation.findUniqueOrThrow({ where: { code: "BRU-T-01" }, include: { statusChanges: true, themes: true } });
    expect(saved.statusChanges.map((c) => c.toStatus)).toEqual(["PROPOSED"]);
    expect(saved.themes).toHaveLength(1);

    const bad = await createRecommendation(sec, { ...base, agendaItemId: item.id, leadAgencyId: "nope", dueDate: "2026-06-03", themeIds: ["x"] });
    expect(bad).toEqual({
      ok: false,
      fieldErrors: {
        code: ["recommendations:error.codeTaken"],
        agendaItemId: ["recommendations:error.agendaItemOfMeeting"],
        leadAgencyId: ["recommendations:error.leadFromList"],
        themeIds: ["recommendations:error.themesFromList"],
        dueDate: ["recommendations:error.dueBeforeMeeting"],
      },
    });
    expect(await db.recommendation.count({ where: { meetingId: meeting.id } })).toBe(1);
  });
});

describe("the agenda-item picker", () => {
  it("offers only the chosen meeting's items, and the form refuses another meeting's item with a 400 and a field error", async () => {
    const sec = await actor("SECRETARIAT");
    const [meeting, other] = [await createMeeting(), await createMeeting()];
    const item = (m: { id: string; startsAt: Date; endsAt: Date }, title: string) =>
      db.agendaItem.create({ data: { meetingId: m.id, kind: "SESSION", title, startsAt: m.startsAt, endsAt: m.endsAt, position: 0 } });
    const [mine, elsewhere] = [await item(meeting, "Here"), await item(other, "Elsewhere")];
    const page = async (query: string) => newLoader(routeArgs(await requestAs(sec.id, `/recommendations/new${query}`)));
    expect((await page("")).options.agendaItems).toEqual([]);
    expect((await page(`?meetingId=${meeting.id}&title=Kept`)).options.agendaItems).toEqual([{ id: mine.id, title: "Here" }]);
    expect((await page(`?meetingId=${meeting.id}&title=Kept`)).defaults).toMatchObject({ meetingId: meeting.id, title: "Kept" });

    const lead = await createAgency();
    const form = { code: `PICK-${Date.now()}`, title: "Picked", text: "Text.", meetingId: meeting.id, leadAgencyId: lead.id, priority: "LOW", agendaItemId: elsewhere.id };
    const refused = newAction(routeArgs(await requestAs(sec.id, "/recommendations/new", formRequest(form))));
    expect(await responseStatus(refused)).toBe(400);
    expect(JSON.stringify(await refused)).toContain("recommendations:error.agendaItemOfMeeting");
    expect(await db.recommendation.count({ where: { code: form.code } })).toBe(0);
    expect(await responseStatus(newAction(routeArgs(await requestAs(sec.id, "/recommendations/new", formRequest({ ...form, agendaItemId: mine.id })))))).toBe(302);
  });
});

describe("status changes", () => {
  it("enforces the workflow and needs evidence to close; a refusal leaves nothing behind", async () => {
    const sec = await actor("SECRETARIAT");
    const rec = await createRecommendationRow({ status: "PROPOSED" });
    expect(await changeStatus(sec, rec.id, { toStatus: "IMPLEMENTED", closingEvidence: "report" })).toMatchObject({ ok: false, fieldErrors: { toStatus: ["recommendations:error.transitionNotAllowed"] } });
    expect(await changeStatus(sec, rec.id, { toStatus: "ADOPTED" })).toMatchObject({ ok: true });
    expect(await changeStatus(sec, rec.id, { toStatus: "IN_PROGRESS", progress: 40 })).toMatchObject({ ok: true });
    expect(await changeStatus(sec, rec.id, { toStatus: "IMPLEMENTED" })).toMatchObject({ ok: false, fieldErrors: { closingEvidence: ["recommendations:error.closingEvidence"] } });
    expect(await changeStatus(sec, rec.id, { toStatus: "SUPERSEDED", closingEvidence: "replaced" })).toMatchObject({ ok: false, fieldErrors: { supersededByCode: [expect.any(String)] } });
    let row = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect([row.status, row.progress, row.closedAt]).toEqual(["IN_PROGRESS", 40, null]);
    expect(await changeStatus(sec, rec.id, { toStatus: "IMPLEMENTED", closingEvidence: "https://example.org/report.pdf" })).toMatchObject({ ok: true });
    row = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect([row.status, row.progress, row.closingEvidence]).toEqual(["IMPLEMENTED", 100, "https://example.org/report.pdf"]);
    expect(row.closedAt).not.toBeNull();
    const history = await db.recommendationStatusChange.findMany({ where: { recommendationId: rec.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.toStatus)).toEqual(["ADOPTED", "IN_PROGRESS", "IMPLEMENTED"]);
    expect(await db.auditLog.count({ where: { entity: "Recommendation", entityId: rec.id, action: "status" } })).toBe(3);
  });

  it("supersedes by another recommendation's code", async () => {
    const sec = await actor("SECRETARIAT");
    const old = await createRecommendationRow({ status: "ADOPTED" });
    const replacement = await createRecommendationRow();
    expect(await changeStatus(sec, old.id, { toStatus: "SUPERSEDED", supersededByCode: replacement.code, closingEvidence: "Merged at the next session" })).toMatchObject({ ok: true });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: old.id } })).supersededById).toBe(replacement.id);
  });
});

describe("access", () => {
  it("shows a focal point only their agency's recommendations and refuses the others", async () => {
    const frontex = await createAgency({ acronym: "FX" });
    const europol = await createAgency({ acronym: "EP" });
    const mine = await createRecommendationRow({ leadAgencyId: frontex.id });
    const supported = await createRecommendationRow({ leadAgencyId: europol.id });
    await db.recommendationSupporter.create({ data: { recommendationId: supported.id, agencyId: frontex.id } });
    const theirs = await createRecommendationRow({ leadAgencyId: europol.id });
    const fp = await actor("FOCAL_POINT", frontex.id);

    const { items } = await listRecommendations(fp, {}, { skip: 0, take: 100 }, "en");
    expect(items.map((i) => i.id).sort()).toEqual([mine.id, supported.id].sort());
    await expectStatus(getRecommendationDetail(fp, theirs.id, "en"), 403);
    await expectStatus(submitProgressUpdate(fp, theirs.id, { text: "sneaky" }), 403);
    await expectStatus(changeStatus(fp, mine.id, { toStatus: "ADOPTED" }), 403);

    const fpUser = await db.user.findUniqueOrThrow({ where: { id: fp.id } });
    await expectStatus(detailLoader({ request: await requestAs(fpUser.id, `/recommendations/${theirs.id}`), params: { id: theirs.id }, context: {} }) as Promise<unknown>, 403);
    const sec = await actor("SECRETARIAT");
    const found = await listLoader({ request: await requestAs(sec.id, `/recommendations?q=${theirs.code}&page=1`), params: {}, context: {} });
    expect(found.items.map((i) => i.id)).toEqual([theirs.id]);
    const participant = await createUser("PARTICIPANT");
    await expectStatus(listLoader({ request: await requestAs(participant.id, "/recommendations"), params: {}, context: {} }) as Promise<unknown>, 403);
    const anonymous = await listLoader({ request: await requestAs(null, "/recommendations"), params: {}, context: {} }).then(() => null, (e: Response) => e);
    expect(anonymous?.status).toBe(302);
    expect(anonymous?.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("progress updates", () => {
  it("applies an accepted update through the workflow; a returned one changes nothing", async () => {
    const agency = await createAgency();
    const fp = await actor("FOCAL_POINT", agency.id);
    const sec = await actor("SECRETARIAT");
    const rec = await createRecommendationRow({ leadAgencyId: agency.id, status: "ADOPTED" });
    expect(await submitProgressUpdate(fp, rec.id, { text: "Closed it", newStatus: "IMPLEMENTED" })).toMatchObject({ ok: false, fieldErrors: { newStatus: ["recommendations:error.transitionNotAllowed"] } });
    const a = await submitProgressUpdate(fp, rec.id, { text: "Started", newStatus: "IN_PROGRESS", newProgress: 20 });
    const b = await submitProgressUpdate(fp, rec.id, { text: "More", newProgress: 50 });
    if (!a.ok || !b.ok) throw new Error("submit failed");
    expect(await returnProgressUpdate(sec, b.id, "Give figures")).toMatchObject({ ok: true });
    expect(await acceptProgressUpdate(sec, a.id)).toMatchObject({ ok: true });
    expect(await acceptProgressUpdate(sec, a.id)).toMatchObject({ ok: false });
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect([row.status, row.progress]).toEqual(["IN_PROGRESS", 20]);
    expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: b.id } })).state).toBe("RETURNED");
    const returned = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: fp.email, kind: "progress-returned" } });
    expect(returned.text).toContain("Give figures");
  });

  it("sends a single-use, expiring link to the lead agency's focal points", async () => {
    const agency = await createAgency();
    const sec = await actor("SECRETARIAT");
    const fp = await createUser("FOCAL_POINT", { agencyId: agency.id });
    const rec = await createRecommendationRow({ leadAgencyId: agency.id, status: "IN_PROGRESS" });
    const noFocal = await createRecommendationRow({ status: "ADOPTED" });
    expect(await requestProgress(sec, noFocal.id)).toMatchObject({ ok: false, formErrors: ["recommendations:error.noFocalPoint"] });

    expect(await requestProgress(sec, rec.id)).toEqual({ ok: true, count: 1 });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: fp.email, kind: "progress-request" } });
    expect(mail.essential).toBe(false);
    const token = /\/progress\/([\w-]+)/.exec(mail.text)![1];
    const link = await db.progressLink.findFirstOrThrow({ where: { recommendationId: rec.id } });
    expect(link.tokenHash).toBe(hashToken(token));
    expect(link.tokenHash).not.toContain(token);

    expect(await submitViaProgressLink(token, { text: "Half done", newProgress: 50 })).toMatchObject({ ok: true });
    expect(await submitViaProgressLink(token, { text: "Again" })).toMatchObject({ ok: false, reason: "recommendations:error.linkUsed" });
    const u = await db.progressUpdate.findFirstOrThrow({ where: { recommendationId: rec.id } });
    expect([u.authorId, u.agencyId, u.state, u.progressLinkId]).toEqual([fp.id, agency.id, "SUBMITTED", link.id]);

    await requestProgress(sec, rec.id);
    const second = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: fp.email, kind: "progress-request", id: { not: mail.id } } });
    const token2 = /\/progress\/([\w-]+)/.exec(second.text)![1];
    await db.progressLink.update({ where: { tokenHash: hashToken(token2) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await readProgressLink(token2, "en")).toMatchObject({ ok: false, reason: "recommendations:error.linkExpired" });
    expect(await submitViaProgressLink(token2, { text: "Late" })).toMatchObject({ ok: false });
    expect(await readProgressLink("not-a-token", "en")).toMatchObject({ ok: false });
  });
});

describe("CSV import", () => {
  it("saves valid rows and reports each invalid row with its number and reason", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting({ slug: `imp-${Date.now()}`, startsAt: new Date("2025-04-10T08:00:00Z") });
    const lead = await createAgency({ acronym: `IMP${Date.now() % 10000}` });
    await createTheme("Biometrics");
    const csv = [
      "code,title,text,rationale,themes,meeting,lead_agency,supporting_agencies,priority,due_date,status",
      `IMP-1,Good one,Text,,Biometrics,${meeting.slug},${lead.acronym},,HIGH,2026-01-31,IN_PROGRESS`,
      `IMP-2,Unknown agency,Text,,,${meeting.slug},Nobody,,LOW,,`,
      `IMP-3,Bad status,Text,,,${meeting.slug},${lead.acronym},,LOW,,DONE`,
      `IMP-4,Too early,Text,,,${meeting.slug},${lead.acronym},,LOW,2025-01-01,`,
      `IMP-1,Duplicate,Text,,,${meeting.slug},${lead.acronym},,LOW,,`,
    ].join("\n");
    const imported = await importRecommendations(sec, csv, tFor("en"));
    if (!imported.ok) throw new Error("the file was refused");
    const { report } = imported;
    expect(report.created.map((c) => [c.row, c.code])).toEqual([[2, "IMP-1"]]);
    expect(report.failed.map((f) => [f.row, f.reasons.join(" | ")])).toEqual([
      [3, 'lead_agency: unknown agency "Nobody".'],
      [4, expect.stringMatching(/^status: unknown status "DONE"/)],
      [5, "due_date: The due date cannot be before the meeting where it was made."],
      [6, "code: This code is already used by another recommendation."],
    ]);
    const saved = await db.recommendation.findUniqueOrThrow({ where: { code: "IMP-1" }, include: { statusChanges: true } });
    expect(saved.status).toBe("IN_PROGRESS");
    expect(saved.statusChanges.map((c) => c.toStatus)).toEqual(["PROPOSED", "ADOPTED", "IN_PROGRESS"]);
    expect(await db.recommendation.count({ where: { code: { in: ["IMP-2", "IMP-3", "IMP-4"] } } })).toBe(0);
    expect(await importRecommendations(sec, "title\nx", tFor("en"))).toEqual({ ok: false, fieldErrors: { file: [expect.stringMatching(/needs the columns code/)] } });
    // The report is in the reader's language; column names stay the file's own.
    expect(await importRecommendations(sec, "title\nx", tFor("fr"))).toEqual({ ok: false, fieldErrors: { file: [expect.stringMatching(/^Le fichier doit contenir les colonnes code/)] } });
    const french = await importRecommendations(sec, csv.replace(/IMP-1,Good one/, "IMP-5,Good one"), tFor("fr"));
    if (!french.ok) throw new Error("the file was refused");
    expect(french.report.failed.map((f) => [f.row, f.reasons.join(" | ")])).toContainEqual([3, "lead_agency : agence inconnue « Nobody »."]);
    expect(french.report.failed.map((f) => [f.row, f.reasons.join(" | ")])).toContainEqual([6, "code : Ce code est déjà utilisé par une autre recommandation."]);
  });
});

describe("dashboard", () => {
  it("counts by status, agency and meeting and lists the overdue; a focal point may not see it", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting();
    const lead = await createAgency({ acronym: "DASH" });
    await createRecommendationRow({ meetingId: meeting.id, leadAgencyId: lead.id, status: "IN_PROGRESS", dueDate: new Date("2020-01-01T00:00:00Z") });
    await createRecommendationRow({ meetingId: meeting.id, leadAgencyId: lead.id, status: "IMPLEMENTED", dueDate: new Date("2020-01-01T00:00:00Z") });
    const d = await dashboard(sec, { meeting: meeting.id });
    expect(d.total).toBe(2);
    expect(d.byStatus.filter((s) => s.count)).toEqual([
      { key: "IN_PROGRESS", count: 1 },
      { key: "IMPLEMENTED", count: 1 },
    ]);
    expect(d.byAgency).toEqual([{ key: lead.id, label: "DASH", count: 2 }]);
    expect(d.byMeeting).toEqual([{ key: meeting.id, label: meeting.title, count: 2 }]);
    expect(d.overdueCount).toBe(1);
    expect(d.overdue).toHaveLength(1);

    const fp = await actor("FOCAL_POINT", lead.id);
    await expectStatus(dashboard(fp, {}), 403);
  });

  it("shows the largest lead agencies and one row for the others; the export's figures have every agency", async () => {
    const sec = await actor("SECRETARIAT");
    const meeting = await createMeeting();
    const agencies = await Promise.all(Array.from({ length: AGENCIES_SHOWN + 2 }, (_, i) => createAgency({ acronym: `LA${String(i).padStart(2, "0")}` })));
    // Agency i leads i + 1 recommendations: the two smallest (1 and 2) are summed.
    for (const [i, a] of agencies.entries()) for (let j = 0; j <= i; j++) await createRecommendationRow({ meetingId: meeting.id, leadAgencyId: a.id });
    const d = await dashboard(sec, { meeting: meeting.id });
    expect(d.byAgency).toHaveLength(AGENCIES_SHOWN + 1);
    expect(d.byAgency[0]).toEqual({ key: agencies[AGENCIES_SHOWN + 1].id, label: `LA${String(AGENCIES_SHOWN + 1).padStart(2, "0")}`, count: AGENCIES_SHOWN + 2 });
    expect(d.byAgency[AGENCIES_SHOWN]).toEqual({ key: "others", label: "2 other agencies", count: 3 });
    const all = await dashboard(sec, { meeting: meeting.id }, { all: true });
    expect(all.byAgency).toHaveLength(AGENCIES_SHOWN + 2);
    expect(all.byAgency.reduce((n, c) => n + c.count, 0)).toBe(d.total);
  });
});

describe("editing and exporting", () => {
  it("edits with the same checks and audits only what changed", async () => {
    const sec = await actor("SECRETARIAT");
    const a = await createRecommendationRow();
    const b = await createRecommendationRow();
    const input = { code: a.code, title: "New title", text: a.text, meetingId: a.meetingId, leadAgencyId: a.leadAgencyId, supportingAgencyIds: [], themeIds: [], priority: "LOW" as const };
    expect(await updateRecommendation(sec, a.id, { ...input, code: b.code })).toMatchObject({ ok: false, fieldErrors: { code: ["recommendations:error.codeTaken"] } });
    expect(await updateRecommendation(sec, a.id, input)).toEqual({ ok: true, id: a.id });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entity: "Recommendation", entityId: a.id, action: "update" } });
    expect(entry.after).toEqual({ title: "New title", priority: "LOW" });
  });

  it("exports only what the focal point may see", async () => {
    const agency = await createAgency();
    const mine = await createRecommendationRow({ leadAgencyId: agency.id });
    const other = await createRecommendationRow();
    const fp = await actor("FOCAL_POINT", agency.id);
    const codes = (await recommendationsCsvRows(fp, {}, "en")).map((r) => r[0]);
    expect(codes).toContain(mine.code);
    expect(codes).not.toContain(other.code);
  });
});
