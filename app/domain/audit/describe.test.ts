import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDITED_ENTITIES } from "./audit.server";
import { tFor } from "~/i18n/i18n.server";
import { AUDIT_KINDS, auditKindOptions, describeAudit, sentenceText } from "./describe";

const en = tFor("en");

// Every audited kind has words, and every action the code writes to the log has a sentence: a new
// kind or action without one fails here, before a person meets "RecommendationReview outcome".

const subject = { label: "THE-THING", href: "/somewhere" };
const say = (entity: string, action: string, before: unknown = {}, after: unknown = {}, who: string | null = "Anna Weber") =>
  sentenceText(describeAudit({ entity, action, before, after, who, subject, meeting: { label: "Calais Group", href: "/admin/meetings/m" } }, en));

/** (entity, action) pairs written by audit(...) calls in the app's source, found by reading it. */
function auditedActionsInSource(): [string, string][] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.server\.ts$/.test(f)) files.push(p);
    }
  };
  walk(path.resolve(__dirname, "../.."));
  const pairs: [string, string][] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/entity: "(\w+)"[^;]*?action: ("([\w-]+)"|[^,}]+)/gs)) {
      const entity = m[1];
      if (m[3]) pairs.push([entity, m[3]]);
    }
  }
  return pairs;
}

describe("the audit log in words", () => {
  it("names every audited kind of record for people, in the filter too", () => {
    expect(Object.keys(AUDIT_KINDS).sort()).toEqual([...AUDITED_ENTITIES].sort());
    for (const e of AUDITED_ENTITIES) {
      expect(AUDIT_KINDS[e].label(en), e).not.toBe(e);
      expect(Object.keys(AUDIT_KINDS[e].actions).length, e).toBeGreaterThan(0);
    }
    expect(auditKindOptions(en).map((o) => o.label)).toContain("Reviews at later sessions");
  });

  it("gives every known action of every kind a sentence without table names", () => {
    for (const e of AUDITED_ENTITIES) {
      for (const action of Object.keys(AUDIT_KINDS[e].actions)) {
        const text = say(e, action);
        expect(text, `${e} ${action}`).not.toMatch(/did “/);
        expect(text, `${e} ${action}`).not.toMatch(new RegExp(`\\b${e}\\b`));
        expect(text.length, `${e} ${action}`).toBeGreaterThan(10);
      }
    }
  });

  it("describes every action the code writes to the log", () => {
    const pairs = auditedActionsInSource();
    expect(pairs.length).toBeGreaterThan(30);
    const missing = pairs.filter(([entity, action]) => !AUDIT_KINDS[entity as keyof typeof AUDIT_KINDS]?.actions[action]);
    expect(missing).toEqual([]);
    // Actions built at run time.
    for (const mode of ["requeued", "copied"]) expect(AUDIT_KINDS.OutboxMessage.actions[`resend-${mode}`]).toBeDefined();
    for (const decision of ["approve", "decline"]) expect(AUDIT_KINDS.Registration.actions[decision]).toBeDefined();
    for (const a of ["status", "progress"]) expect(AUDIT_KINDS.Recommendation.actions[a]).toBeDefined();
  });

  it("writes sentences a person understands, with links to the things", () => {
    expect(say("RecommendationReview", "outcome", { outcome: "" }, { outcome: "Adopted" })).toBe("Anna Weber recorded the outcome ‘Adopted’ for recommendation THE-THING (Calais Group)");
    expect(say("FollowUp", "send", {}, { messages: 34 })).toBe("Anna Weber sent the follow-up mail THE-THING to 34 participants (Calais Group)");
    expect(say("Recommendation", "status", { status: "ADOPTED" }, { status: "IN_PROGRESS", note: "" })).toBe("Anna Weber changed the status of recommendation THE-THING from ‘Adopted’ to ‘In progress’");
    expect(say("Theme", "translations", {}, { language: "fr", name: "Partage de données" })).toBe("Anna Weber updated the translations of the theme THE-THING (FR)");
    expect(say("Registration", "cancel", {}, {}, null)).toMatch(/^The participant cancelled the registration of THE-THING/);
    expect(say("Meeting", "something-new")).toBe("Anna Weber did “something-new” on the meeting THE-THING (Calais Group)");
    const parts = describeAudit({ entity: "Recommendation", action: "create", before: null, after: null, who: "Anna Weber", subject }, en);
    expect(parts).toContainEqual({ text: "THE-THING", href: "/somewhere" });
  });

  it("says it in the reader's language at display time, links kept", () => {
    const meeting = { label: "Calais Group", href: "/admin/meetings/m" };
    const parts = describeAudit({ entity: "Document", action: "remove", before: { title: "Note" }, after: {}, who: "Anna Weber", subject, meeting }, tFor("fr"));
    expect(sentenceText(parts)).toBe("Anna Weber a supprimé le document « Note » (Calais Group)");
    expect(parts).toContainEqual({ text: "Calais Group", href: "/admin/meetings/m" });
    expect(auditKindOptions(tFor("fr")).map((o) => o.label)).toContain("Examens lors de sessions ultérieures");
  });
});
