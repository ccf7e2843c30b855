export const PAGE_SIZE = 25;

/** Reads ?page= safely: bad values become page 1. */
export function pageFrom(url: URL, size = PAGE_SIZE): { page: number; skip: number; take: number } {
  const raw = Number(url.searchParams.get("page"));
  const page = Number.isInteger(raw) && raw > 0 && raw < 1_000_000 ? raw : 1;
  return { page, skip: (page - 1) * size, take: size };
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}
