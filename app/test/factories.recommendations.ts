import crypto from "node:crypto";
import type { Actor, Role } from "~/domain/auth/roles";
import { db } from "~/utils/db.server";
import type { RecommendationStatus } from "~/generated/prisma/enums.ts";
import { createAgency, createMeeting, createUser } from "./factories";

// Builders for recommendation tests. Each call makes its own rows.

const uid = () => crypto.randomUUID().slice(0, 8);

export async function actor(role: Role, agencyId: string | null = null): Promise<Actor> {
  const u = await createUser(role, { agencyId });
  return { id: u.id, role, agencyId: u.agencyId, name: u.name, email: u.email };
}

export async function createTheme(name = `Theme ${uid()}`) {
  return db.theme.create({ data: { name, slug: name.toLowerCase().replace(/\W+/g, "-") } });
}

/** A recommendation's row for create or createMany: an id and a unique code (or the given ones), fixed texts. */
export function recommendationData(meetingId: string, leadAgencyId: string, over: Partial<{ status: RecommendationStatus; code: string }> = {}) {
  return {
    id: crypto.randomUUID(),
    code: over.code ?? `T-${uid()}`,
    title: "Share data",
    text: "Share data between services.",
    meetingId,
    leadAgencyId,
    status: over.status ?? ("PROPOSED" as RecommendationStatus),
  };
}

/** A meeting with one agenda item, a lead agency and a recommendation in the given status. */
export async function createRecommendationRow(over: Partial<{ status: RecommendationStatus; progress: number; leadAgencyId: string; meetingId: string; dueDate: Date | null; code: string }> = {}) {
  const meetingId = over.meetingId ?? (await createMeeting()).id;
  const leadAgencyId = over.leadAgencyId ?? (await createAgency()).id;
  return db.recommendation.create({
    data: { ...recommendationData(meetingId, leadAgencyId, over), progress: over.progress ?? 0, dueDate: over.dueDate ?? null },
  });
}
