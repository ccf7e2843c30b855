// Closed sets of values are Prisma enums (prisma/schema.prisma), declared there in alphabetical order
// so that both databases sort them alike. The domain modules take the types from the generated,
// browser-safe app/generated/prisma/enums.ts and give each set its display order through a record
// that names every value once (its labels or its rules); the record's type makes it complete.

/** The keys of a record over an enum, in the record's order, as a non-empty tuple (what z.enum takes). */
export function valuesOf<K extends string>(record: Record<K, unknown>): [K, ...K[]] {
  return Object.keys(record) as [K, ...K[]];
}
