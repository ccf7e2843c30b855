// Anonymous public pages are cached as HTTP responses for a few seconds (scripts/page-cache.mjs, decision
// 061); page data itself is never cached in a process, so every instance reads the database and signed-in
// people see a write made through another instance at once.

/** Called after every committed change to meetings, agendas, series or agencies. */
export function invalidatePublicPages(): void {
  // The production server's store of anonymous pages in this process (scripts/page-cache.mjs) watches
  // this counter, so the person who saved sees the change at once; other instances within PAGE_CACHE_MS.
  globalThis.__convenePublicGeneration = (globalThis.__convenePublicGeneration ?? 0) + 1;
}

declare global {
  var __convenePublicGeneration: number | undefined;
}
