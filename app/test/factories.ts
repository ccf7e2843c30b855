import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import type { Role } from "~/domain/auth/roles";
import type { AgencyKind, ApprovalMode, MeetingStatus, MeetingVisibility } from "~/generated/prisma/enums.ts";

// Small builders for test data. Each test creates what it needs; names are unique per call.

const uid = () => crypto.randomUUID().slice(0, 8);

export async function createAgency(over: Partial<{ name: string; acronym: string; kind: AgencyKind; country: string | null }> = {}) {
  const n = uid();
  return db.agency.create({
    data: { name: over.name ?? `Agency ${n}`, acronym: over.acronym ?? `AG${n.slice(0, 4)}`, kind: over.kind ?? "NATIONAL_AUTHORITY", country: over.country === undefined ? "BE" : over.country },
  });
}

export async function createUser(role: Role = "PARTICIPANT", over: Partial<{ email: string; name: string; agencyId: string | null }> = {}) {
  const n = uid();
  return db.user.create({
    data: { email: over.email ?? `user-${n}@example.org`, name: over.name ?? `User ${n}`, role, agencyId: over.agencyId ?? null },
  });
}

export async function createMeeting(
  over: Partial<{
    title: string;
    slug: string;
    timeZone: string;
    startsAt: Date;
    endsAt: Date;
    status: MeetingStatus;
    visibility: MeetingVisibility;
    capacity: number | null;
    approvalMode: ApprovalMode;
    seriesId: string | null;
  }> = {},
) {
  const n = uid();
  const startsAt = over.startsAt ?? new Date("2030-06-04T07:00:00Z");
  return db.meeting.create({
    data: {
      title: over.title ?? `Meeting ${n}`,
      slug: over.slug ?? `meeting-${n}`,
      timeZone: over.timeZone ?? "Europe/Brussels",
      startsAt,
      endsAt: over.endsAt ?? new Date(startsAt.getTime() + 8 * 3600_000),
      status: over.status ?? "PUBLISHED",
      visibility: over.visibility ?? "PUBLIC",
      capacity: over.capacity === undefined ? 50 : over.capacity,
      approvalMode: over.approvalMode ?? "AUTOMATIC",
      seriesId: over.seriesId ?? null,
      organiserName: "Test Organiser",
      organiserEmail: "organiser@example.org",
    },
  });
}

/** A Request carrying a real session cookie for the user, to call loaders and actions directly. */
export async function requestAs(userId: string | null, url: string, init: RequestInit = {}): Promise<Request> {
  const headers = new Headers(init.headers);
  if (userId) {
    const { createSessionCookie } = await import("~/domain/auth/session.server");
    const setCookie = await createSessionCookie(userId);
    headers.set("Cookie", setCookie.split(";")[0]);
  }
  return new Request(new URL(url, "http://convene.test"), { ...init, headers });
}

export function formRequest(fields: Record<string, string | string[]>): { method: string; body: URLSearchParams } {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return { method: "POST", body };
}

/** Arguments for calling a route's loader or action directly. */
export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** What Remix's `data(value, { status })` returns (refused forms answer through it with 400). */
type DataReply = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };
const isDataReply = (r: unknown): r is DataReply => typeof r === "object" && r !== null && (r as { type?: unknown }).type === "DataWithResponseInit";

/** The HTTP status a loader or action answers with, whether it returns or throws a Response, or returns data() with a status. */
export async function responseStatus(p: Promise<unknown> | unknown): Promise<number> {
  try {
    const r = await p;
    if (isDataReply(r)) return r.init?.status ?? 200;
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

/** An action's answer to a form (Conform's reply under `result`, with the route's other keys). */
export type FormAnswer = { result: { status?: string; error: Record<string, string[]>; initialValue: Record<string, unknown> } } & Record<string, unknown>;

/** The value an action returned, unwrapped from data() when it set a status; for tests that read a form's errors. */
export async function formAnswer<T = FormAnswer>(p: Promise<unknown> | unknown): Promise<T> {
  const r = await p;
  return (isDataReply(r) ? r.data : r) as T;
}
