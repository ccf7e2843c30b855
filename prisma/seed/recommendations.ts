import { THEMES } from "~/domain/recommendations/themes";
import type { RecommendationStatus } from "~/generated/prisma/enums.ts";
import { db } from "~/utils/db.server";

// Recommendations of the Brussels meeting and of the Calais Group sessions, with their status
// history back-dated to when things happened, reviews at later sessions and progress updates
// (two still waiting for the secretariat), so the dashboard and its implementation-rate chart
// have data.

type Step = { status: RecommendationStatus; at: string; progress?: number; note?: string };
type RecSeed = {
  code: string;
  title: string;
  text: string;
  rationale?: string;
  meeting: string;
  item?: string;
  lead: string;
  supporters?: string[];
  themes: string[];
  priority: "HIGH" | "MEDIUM" | "LOW";
  due?: string;
  steps: Step[];
  evidence?: string;
  reviews?: { meeting: string; outcome: string }[];
  updates?: { by: string; agency: string; at: string; text: string; newStatus?: RecommendationStatus; newProgress?: number; evidence?: string; state: "ACCEPTED" | "SUBMITTED" | "RETURNED"; note?: string }[];
};

const RECS: RecSeed[] = [
  {
    code: "BRU-2026-01",
    title: "Harmonise data systems among member states so that data can be shared",
    text: "Member states should align the data models and interfaces of their national border and migration systems with the EU interoperability framework, so that data on irregular crossings and document fraud can be shared with the agencies and with each other.",
    rationale: "Participants reported that national systems record the same events in incompatible formats, which delays joint analysis by weeks.",
    meeting: "combating-irregular-migration-eu-2026",
    item: "Session 1: Schengen and visa information systems",
    lead: "DG HOME",
    supporters: ["eu-LISA", "Frontex"],
    themes: ["data-sharing", "interoperability", "visa-schengen"],
    priority: "HIGH",
    due: "2027-06-30",
    steps: [{ status: "ADOPTED", at: "2026-06-04T15:30:00Z" }, { status: "IN_PROGRESS", at: "2026-09-15T09:00:00Z", progress: 25 }],
    updates: [{ by: "Helena Kowalczyk", agency: "DG HOME", at: "2026-09-15T09:00:00Z", text: "Working group on common data models set up with eu-LISA; first meeting held on 10 September.", newStatus: "IN_PROGRESS", newProgress: 25, state: "ACCEPTED" }],
  },
  {
    code: "BRU-2026-02",
    title: "Improve travel document security",
    text: "Frontex, with national document experts, should extend the exchange of specimen and false document alerts to all border crossing points, and train first-line officers on the new security features.",
    meeting: "combating-irregular-migration-eu-2026",
    item: "Session 3: Travel document security and document fraud",
    lead: "Frontex",
    supporters: ["BE Federal Police", "UHCP"],
    themes: ["travel-documents", "capacity-building"],
    priority: "HIGH",
    due: "2027-03-31",
    steps: [{ status: "ADOPTED", at: "2026-06-04T15:30:00Z" }, { status: "IN_PROGRESS", at: "2026-10-01T09:00:00Z", progress: 40 }],
    updates: [
      { by: "Katarzyna Nowicka", agency: "Frontex", at: "2026-10-01T09:00:00Z", text: "Alert exchange extended to 14 of 27 member states; training module drafted.", newStatus: "IN_PROGRESS", newProgress: 40, state: "ACCEPTED" },
      { by: "Katarzyna Nowicka", agency: "Frontex", at: "2026-11-10T09:00:00Z", text: "Two further member states connected; first training sessions delivered in Warsaw.", newProgress: 55, state: "SUBMITTED" },
    ],
  },
  {
    code: "BRU-2026-03",
    title: "Step up joint operations against smuggling networks",
    text: "Europol and Frontex should plan joint action days with member states targeting the smuggling networks active on the Western Balkans and Central Mediterranean routes, with financial investigations from the start.",
    meeting: "combating-irregular-migration-eu-2026",
    item: "Session 4: Data sharing against migrant smuggling networks",
    lead: "Europol",
    supporters: ["Frontex", "INTERPOL"],
    themes: ["joint-operations", "migrant-smuggling"],
    priority: "HIGH",
    due: "2026-10-31",
    steps: [{ status: "ADOPTED", at: "2026-06-04T15:30:00Z" }, { status: "IN_PROGRESS", at: "2026-07-20T09:00:00Z", progress: 30 }],
  },
  {
    code: "BRU-2026-04",
    title: "Share biometric matching results across the Entry/Exit System",
    text: "Border services should report biometric mismatches found at first line to eu-LISA so that matching thresholds can be reviewed across the EU.",
    meeting: "combating-irregular-migration-eu-2026",
    item: "Session 2: Biometrics at the external borders",
    lead: "eu-LISA",
    supporters: ["VRS", "SG"],
    themes: ["biometrics", "interoperability"],
    priority: "MEDIUM",
    due: "2027-12-31",
    steps: [{ status: "ADOPTED", at: "2026-06-04T15:30:00Z" }],
  },
  {
    code: "BRU-2026-05",
    title: "Protect victims identified during border checks",
    text: "Border guards who identify possible victims of trafficking during checks should refer them to national protection services within 24 hours, using a common referral form.",
    meeting: "combating-irregular-migration-eu-2026",
    lead: "IOM RO Brussels",
    supporters: ["EUAA"],
    themes: ["victim-protection"],
    priority: "MEDIUM",
    steps: [],
  },
  // Calais Group
  {
    code: "CG-2024-S-01",
    title: "Joint maritime situational picture of the Channel",
    text: "France and the United Kingdom should share a common real-time picture of small boat departures and rescues.",
    meeting: "calais-group-2024-spring",
    item: "Situation at the Channel: small boat crossings",
    lead: "DCPAF",
    supporters: ["UK Home Office"],
    themes: ["data-sharing", "maritime-safety"],
    priority: "HIGH",
    due: "2024-12-31",
    steps: [
      { status: "ADOPTED", at: "2024-03-14T12:00:00Z" },
      { status: "IN_PROGRESS", at: "2024-06-01T09:00:00Z", progress: 50 },
      { status: "IMPLEMENTED", at: "2024-11-28T09:00:00Z", note: "Joint centre operational" },
    ],
    evidence: "Joint coordination centre in Coquelles operational since November 2024 (report to the autumn session).",
    reviews: [{ meeting: "calais-group-2024-autumn", outcome: "Noted the progress; the joint centre opens in November." }],
  },
  {
    code: "CG-2024-S-02",
    title: "Common approach to returns of people crossing irregularly",
    text: "Members should agree a common approach to the return and readmission of people who crossed irregularly and have no right to stay.",
    meeting: "calais-group-2024-spring",
    lead: "UK Home Office",
    supporters: ["DCPAF", "BE DVZ-OE"],
    themes: ["return-readmission"],
    priority: "MEDIUM",
    due: "2025-06-30",
    steps: [
      { status: "ADOPTED", at: "2024-03-14T12:00:00Z" },
      { status: "IN_PROGRESS", at: "2024-09-01T09:00:00Z", progress: 30 },
      { status: "PARTIALLY_IMPLEMENTED", at: "2025-07-10T09:00:00Z", progress: 60 },
    ],
    evidence: "Bilateral arrangement signed by two members; others declined (minutes of the 2025 spring session).",
    reviews: [
      { meeting: "calais-group-2024-autumn", outcome: "Drafting continues; legal services consulted." },
      { meeting: "calais-group-2025-spring", outcome: "Two members ready to sign; close as partially implemented if others do not join by summer." },
    ],
  },
  {
    code: "CG-2024-A-01",
    title: "Disrupt the supply of boats and engines",
    text: "Members should share intelligence with Europol on the supply chains of boats and engines used for crossings and run joint action days.",
    meeting: "calais-group-2024-autumn",
    lead: "Europol",
    supporters: ["BPOL", "KMar", "DCPAF"],
    themes: ["migrant-smuggling", "joint-operations"],
    priority: "HIGH",
    due: "2025-10-31",
    steps: [
      { status: "ADOPTED", at: "2024-10-17T11:00:00Z" },
      { status: "IN_PROGRESS", at: "2025-01-15T09:00:00Z", progress: 40 },
      { status: "IMPLEMENTED", at: "2025-11-05T09:00:00Z" },
    ],
    evidence: "Two joint action days (March and September 2025); Europol operational report EDOC-2025-118.",
    reviews: [
      { meeting: "calais-group-2025-spring", outcome: "First action day held; a second is planned for September." },
      { meeting: "calais-group-2025-autumn", outcome: "Implemented; the group thanks Europol and the German Federal Police." },
    ],
  },
  {
    code: "CG-2024-A-02",
    title: "Information campaign on the risks of crossing",
    text: "Run information campaigns in countries of origin and transit on the risks of Channel crossings.",
    meeting: "calais-group-2024-autumn",
    lead: "UK Home Office",
    themes: ["root-causes"],
    priority: "LOW",
    due: "2025-09-30",
    steps: [
      { status: "ADOPTED", at: "2024-10-17T11:00:00Z" },
      { status: "IN_PROGRESS", at: "2025-02-01T09:00:00Z", progress: 20 },
    ],
    reviews: [{ meeting: "calais-group-2025-spring", outcome: "Delayed: procurement of the campaign agency under way." }, { meeting: "calais-group-2025-autumn", outcome: "Still delayed; the Home Office will report at the next session." }],
    updates: [{ by: "Eleanor Hughes", agency: "UK Home Office", at: "2025-11-01T09:00:00Z", text: "Campaign agency selected; launch expected in early 2026.", newProgress: 35, state: "SUBMITTED" }],
  },
  {
    code: "CG-2025-S-01",
    title: "Exchange of liaison officers at the main ports",
    text: "Members should exchange liaison officers at Calais, Dunkirk, Zeebrugge and Hook of Holland.",
    meeting: "calais-group-2025-spring",
    lead: "BE Federal Police",
    supporters: ["KMar", "DCPAF"],
    themes: ["joint-operations", "border-management"],
    priority: "MEDIUM",
    due: "2026-03-31",
    steps: [
      { status: "ADOPTED", at: "2025-04-10T11:00:00Z" },
      { status: "IN_PROGRESS", at: "2025-06-01T09:00:00Z", progress: 50 },
    ],
    reviews: [{ meeting: "calais-group-2025-autumn", outcome: "Officers in place at Calais and Zeebrugge; the others follow in 2026." }],
    updates: [
      { by: "Sophie Lambert", agency: "BE Federal Police", at: "2025-10-20T09:00:00Z", text: "Liaison officers posted at Calais and Zeebrugge.", newProgress: 50, state: "ACCEPTED" },
      { by: "Sophie Lambert", agency: "BE Federal Police", at: "2025-12-01T09:00:00Z", text: "All done.", newStatus: "IMPLEMENTED", state: "RETURNED", note: "Please add a link to the exchange agreement before we close it." },
    ],
  },
  {
    code: "CG-2025-S-02",
    title: "Joint training on detecting concealment in lorries",
    text: "Organise joint training for port officers on detecting people concealed in lorries.",
    meeting: "calais-group-2025-spring",
    lead: "KMar",
    themes: ["capacity-building", "border-management"],
    priority: "LOW",
    due: "2025-12-31",
    steps: [{ status: "ADOPTED", at: "2025-04-10T11:00:00Z" }, { status: "IN_PROGRESS", at: "2025-09-01T09:00:00Z", progress: 10 }],
    reviews: [{ meeting: "calais-group-2025-autumn", outcome: "Training curriculum agreed; dates to be set." }],
  },
  {
    code: "CG-2025-A-01",
    title: "Shared risk analysis before each summer season",
    text: "Members and Frontex should produce a shared risk analysis of Channel crossings each spring.",
    meeting: "calais-group-2025-autumn",
    lead: "Frontex",
    supporters: ["DCPAF", "UK Home Office"],
    themes: ["data-sharing"],
    priority: "MEDIUM",
    due: "2026-05-31",
    steps: [{ status: "ADOPTED", at: "2025-11-20T11:00:00Z" }],
  },
  {
    code: "CG-2025-A-02",
    title: "Common statistics on crossings",
    text: "Agree common definitions for statistics on attempted and successful crossings.",
    meeting: "calais-group-2025-autumn",
    lead: "DCPAF",
    themes: ["data-sharing"],
    priority: "LOW",
    steps: [{ status: "NOT_ADOPTED", at: "2025-11-20T11:00:00Z", note: "Members preferred to use Frontex figures" }],
  },
];

export async function seedRecommendations() {
  const themeIds = new Map<string, string>();
  for (const t of THEMES) {
    const row = await db.theme.upsert({ where: { slug: t.slug }, update: {}, create: t });
    themeIds.set(t.slug, row.id);
  }
  const agencies = await db.agency.findMany({ select: { id: true, acronym: true } });
  const agencyId = (acronym: string) => {
    const a = agencies.find((x) => x.acronym === acronym);
    if (!a) throw new Error(`seed: unknown agency ${acronym}`);
    return a.id;
  };
  const meetings = await db.meeting.findMany({ select: { id: true, slug: true, agendaItems: { select: { id: true, title: true } } } });
  const meeting = (slug: string) => {
    const m = meetings.find((x) => x.slug === slug);
    if (!m) throw new Error(`seed: unknown meeting ${slug}`);
    return m;
  };
  const secretariat = await db.user.findUnique({ where: { email: "secretariat@example.org" }, select: { id: true } });
  const users = await db.user.findMany({ select: { id: true, name: true } });

  for (const r of RECS) {
    if (await db.recommendation.findUnique({ where: { code: r.code }, select: { id: true } })) continue;
    const m = meeting(r.meeting);
    const created = new Date(r.steps[0]?.at ?? "2026-06-04T15:00:00Z");
    const last = r.steps.at(-1);
    const status = last?.status ?? "PROPOSED";
    const progress = status === "IMPLEMENTED" ? 100 : (last?.progress ?? [...r.steps].reverse().find((s) => s.progress !== undefined)?.progress ?? 0);
    const closed = ["IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "NOT_ADOPTED"].includes(status);
    const rec = await db.recommendation.create({
      data: {
        code: r.code,
        title: r.title,
        text: r.text,
        rationale: r.rationale ?? "",
        meetingId: m.id,
        agendaItemId: r.item ? (m.agendaItems.find((i) => i.title === r.item)?.id ?? null) : null,
        leadAgencyId: agencyId(r.lead),
        priority: r.priority,
        dueDate: r.due ? new Date(`${r.due}T00:00:00Z`) : null,
        status,
        progress,
        closingEvidence: r.evidence ?? "",
        closedAt: closed && last ? new Date(last.at) : null,
        createdAt: created,
        supporters: { create: (r.supporters ?? []).map((s) => ({ agencyId: agencyId(s) })) },
        themes: { create: r.themes.map((t) => ({ themeId: themeIds.get(t)! })) },
      },
    });
    let from: RecommendationStatus | null = null;
    let p = 0;
    for (const s of [{ status: "PROPOSED", at: created.toISOString(), note: "Recorded" } as Step, ...r.steps]) {
      p = s.status === "IMPLEMENTED" ? 100 : (s.progress ?? p);
      await db.recommendationStatusChange.create({
        data: { recommendationId: rec.id, fromStatus: from, toStatus: s.status, progress: p, userId: secretariat?.id ?? null, note: s.note ?? "", createdAt: new Date(s.at) },
      });
      from = s.status;
    }
    for (const v of r.reviews ?? []) {
      const rm = meeting(v.meeting);
      await db.recommendationReview.create({
        data: { recommendationId: rec.id, meetingId: rm.id, outcome: v.outcome, agendaItemId: rm.agendaItems.find((i) => i.title === "Review of open recommendations")?.id ?? null },
      });
    }
    for (const u of r.updates ?? []) {
      await db.progressUpdate.create({
        data: {
          recommendationId: rec.id,
          authorId: users.find((x) => x.name === u.by)?.id ?? null,
          authorName: u.by,
          agencyId: agencyId(u.agency),
          text: u.text,
          newStatus: u.newStatus ?? null,
          newProgress: u.newProgress ?? null,
          evidenceUrl: u.evidence ?? "",
          state: u.state,
          reviewNote: u.note ?? "",
          reviewedById: u.state === "SUBMITTED" ? null : (secretariat?.id ?? null),
          reviewedAt: u.state === "SUBMITTED" ? null : new Date(u.at),
          createdAt: new Date(u.at),
        },
      });
    }
  }
  return { themes: THEMES.length, recommendations: RECS.length };
}
