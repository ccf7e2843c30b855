import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { refusalMessages } from "~/utils/forms.server";
import { register, type RegisterRequest } from "~/domain/registration/registration.server";

// Builders for registration tests. Each call uses unique names and addresses.

const uid = () => crypto.randomUUID().slice(0, 8);

export function personFor(agencyId: string, over: Partial<RegisterRequest["person"]> = {}): RegisterRequest["person"] {
  const n = uid();
  return { name: `Person ${n}`, email: `person-${n}@example.org`, agencyId, role: "DELEGATE", ...over };
}

/** Registers through the real domain function, as the public form does. */
export async function registerPerson(meetingId: string, agencyId: string, over: Partial<Omit<RegisterRequest, "person">> & { person?: Partial<RegisterRequest["person"]> } = {}) {
  const { person, ...rest } = over;
  const outcome = await register({ meetingId, person: personFor(agencyId, person), consent: true, source: "SELF", overQuota: "waitlist", ...rest });
  if (!outcome.ok) throw new Error(`registration refused: ${refusalMessages(outcome).join(" ")}`);
  return outcome;
}

export async function createDelegation(meetingId: string, agencyId: string, over: { quota?: number | null; reservedSeats?: number } = {}) {
  return db.delegation.create({ data: { meetingId, agencyId, quota: over.quota ?? null, reservedSeats: over.reservedSeats ?? 0 } });
}
