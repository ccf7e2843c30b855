// A short-lived in-process cache for what the public meeting pages show to everyone (meeting details,
// published agenda, list pages). Under load most requests are anonymous reads of the same pages, and
// every Prisma query costs a query compilation; see docs/decisions/015-public-page-cache.md.
// Writes through the domain clear it at once; changes made by another process (worker, scripts) show
// within TTL_MS. Nothing user-specific is cached (the online link check runs per request).

const TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;
const entries = new Map<string, { at: number; value: Promise<unknown> }>();

export async function cachedPublic<T>(key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = load();
  entries.set(key, { at: now, value });
  // A failed load must not be served from the cache.
  value.catch(() => entries.delete(key));
  return value;
}

/** Called after every committed change to meetings, agendas, series or agencies. */
export function invalidatePublicPages(): void {
  entries.clear();
  // The production server's page cache of anonymous requests (scripts/server.mjs) watches this counter.
  globalThis.__convenePublicGeneration = (globalThis.__convenePublicGeneration ?? 0) + 1;
}

declare global {
  var __convenePublicGeneration: number | undefined;
}
