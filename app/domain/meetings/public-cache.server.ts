import { env } from "~/utils/env.server";

// Anonymous public pages are cached as HTTP responses for a few seconds (scripts/page-cache.mjs, decision
// 061). Page data is not cached in a process, with one exception: the meeting list's series filter options
// (every series), which are the same for everyone (publicReference below, decision 085 addendum).

/** Called after every committed change to meetings, agendas, series or agencies. */
export function invalidatePublicPages(): void {
  // The production server's store of anonymous pages in this process (scripts/page-cache.mjs) watches
  // this counter, so the person who saved sees the change at once; other instances within PAGE_CACHE_MS.
  globalThis.__convenePublicGeneration = (globalThis.__convenePublicGeneration ?? 0) + 1;
}

declare global {
  var __convenePublicGeneration: number | undefined;
}

const generation = () => globalThis.__convenePublicGeneration ?? 0;
const kept = new Map<string, { at: number; generation: number; value: Promise<unknown> }>();

/**
 * Public reference data that every visitor sees alike (the meeting list's series options), read
 * once per PAGE_CACHE_MS (default 5 s, 0 = never kept) and per write: any write in this process (or another
 * worker of the cluster) bumps the generation and the next request reads again, so the person who saved sees
 * the change at once; another instance sees it within PAGE_CACHE_MS, as its stored anonymous pages do (061).
 * Never for personal data or anything access decides.
 */
export function publicReference<T>(key: string, read: () => Promise<T>): Promise<T> {
  const ttl = env().PAGE_CACHE_MS;
  const now = Date.now();
  const hit = kept.get(key);
  if (hit && hit.generation === generation() && now - hit.at < ttl) return hit.value as Promise<T>;
  const value = read();
  if (ttl > 0) {
    kept.set(key, { at: now, generation: generation(), value });
    // A failed read is not kept: the next request reads again.
    value.catch(() => kept.get(key)?.value === value && kept.delete(key));
  }
  return value;
}
