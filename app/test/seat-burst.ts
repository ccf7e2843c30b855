import crypto from "node:crypto";
import { cancelRegistration, register } from "~/domain/registration/registration.server";
import { refusalMessages } from "~/utils/forms.server";

// A burst of registrations and cancellations for one meeting, all sent at once. The two-process
// tests run one burst in the test process and one in a child process (seat-burst.child.ts) against
// the same database.

export type Burst = { meetingId: string; agencyId: string; registrations: number; cancel: string[] };
export type BurstResult = { errors: string[]; registered: number; cancelled: number };

export async function runBurst(b: Burst): Promise<BurstResult> {
  const result: BurstResult = { errors: [], registered: 0, cancelled: 0 };
  const registrations = Array.from({ length: b.registrations }, async () => {
    const n = crypto.randomUUID().slice(0, 8);
    const outcome = await register({
      meetingId: b.meetingId,
      person: { name: `Burst ${n}`, email: `burst-${n}@example.org`, agencyId: b.agencyId },
      consent: true,
      source: "SELF",
      overQuota: "waitlist",
    });
    if (outcome.ok) result.registered++;
    else result.errors.push(...refusalMessages(outcome));
  });
  const cancellations = b.cancel.map(async (id) => {
    const outcome = await cancelRegistration(id, null);
    if (outcome.ok) result.cancelled++;
    else result.errors.push(...refusalMessages(outcome));
  });
  // Interleave the two kinds, as people would.
  const all = [...registrations, ...cancellations].map((p) => p.catch((e: unknown) => void result.errors.push(String(e))));
  await Promise.all(all);
  return result;
}
