import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";

// Anonymous public pages are cached as HTTP responses for a few seconds (scripts/page-cache.mjs, decision
// 061). Page data that every reader of a public page sees alike is kept per process for as long (public
// reference data, below: the meeting list's series options, decision 085 addendum; the public pages' content,
// decision 093). Who may see it is decided per request, never kept.

/**
 * Called after every committed change to meetings, agendas, series, agencies or summary records, never inside
 * the transaction: a reader reads the generations before the content, so content read before the commit is
 * kept under a generation this call then moves past.
 */
export async function invalidatePublicPages(): Promise<void> {
  // The production server's store of anonymous pages in this process (scripts/page-cache.mjs) watches
  // this counter, so the person who saved sees the change at once; other instances within PAGE_CACHE_MS.
  globalThis.__convenePublicGeneration = (globalThis.__convenePublicGeneration ?? 0) + 1;
  // The shared one, for the page content every instance keeps (publicReference). Should it fail, the change
  // is already saved: other instances show it within PAGE_CACHE_MS, the bound of their stored pages.
  try {
    await db.$executeRaw`INSERT INTO "PublicGeneration" ("id", "value") VALUES (1, 1)
      ON CONFLICT ("id") DO UPDATE SET "value" = "PublicGeneration"."value" + 1`;
  } catch (e) {
    console.error("the shared public generation was not moved; other instances show the change within PAGE_CACHE_MS", e);
  }
}

/**
 * A write of public content (meetings, agendas, series, agencies, recommendations and their reviews): one
 * transaction, then the generations move, after the commit. They move after a refused or failed write too;
 * nothing changed then, and every process only reads its public pages again. A write that spans several
 * transactions (an import row by row, a copy and its invitations) calls invalidatePublicPages once at its end.
 */
export async function writePublic<T>(write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(write);
  } finally {
    await invalidatePublicPages();
  }
}

/** The generation every instance shares (one row, decision 093). */
async function sharedGeneration(): Promise<number> {
  const [row] = await db.$queryRaw<{ value: number | bigint }[]>`SELECT "value" FROM "PublicGeneration" WHERE "id" = 1`;
  return Number(row?.value ?? 0);
}

declare global {
  var __convenePublicGeneration: number | undefined;
}

const generation = () => globalThis.__convenePublicGeneration ?? 0;
const kept = new Map<string, { at: number; generation: number; shared: number; value: Promise<unknown> }>();

/**
 * At most this many values are kept (keys come from addresses: a slug, a page number); the oldest goes first,
 * and values older than PAGE_CACHE_MS are dropped as new ones are kept, so what is held is what was read in
 * the last few seconds. A meeting page's content is a few KB to a few tens of KB.
 */
export const PUBLIC_REFERENCE_ENTRIES = 200;

/**
 * Public reference data: what every reader of a public page sees alike (a meeting as its page shows it, its
 * agenda, a page of the meeting list or of a series, the list's series options), read once per PAGE_CACHE_MS
 * (default 5 s, 0 = never kept) and per write: a write through any instance moves the shared generation (and
 * this process's), which is read first on every call, so the next request reads again and everyone sees the
 * change at once. A write made behind the app's back (a script, SQL by hand) is seen within PAGE_CACHE_MS.
 * The key never names a person, and the value may hold what only some readers see (a draft agenda, the online
 * link): the caller decides per request, on the person, what to hand out. The value is frozen, deeply: every
 * request shares it, so a caller that changed it would change the next reader's page (it throws instead).
 */
export async function publicReference<T>(key: string, read: () => Promise<T>): Promise<T> {
  const ttl = env().PAGE_CACHE_MS;
  if (ttl <= 0) return read();
  // Both generations before the content (see invalidatePublicPages).
  const local = generation();
  const shared = await sharedGeneration();
  const now = Date.now();
  const hit = kept.get(key);
  if (hit && hit.generation === local && hit.shared === shared && now - hit.at < ttl) return hit.value as Promise<T>;
  const value = read().then(deepFreeze);
  kept.delete(key);
  // Kept in the order they were read: the expired ones are first.
  for (const [k, v] of kept) {
    if (now - v.at < ttl && kept.size < PUBLIC_REFERENCE_ENTRIES) break;
    kept.delete(k);
  }
  kept.set(key, { at: now, generation: local, shared, value });
  // A failed read is not kept: the next request reads again.
  value.catch(() => kept.get(key)?.value === value && kept.delete(key));
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k);
      deepFreeze(v);
    }
  }
  else if (!(value instanceof Date)) for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
