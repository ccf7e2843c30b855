// The one key names are sorted by, on SQLite and PostgreSQL alike (docs/decisions/062-enums-json-sort-keys.md).
// Both databases compare the stored key byte by byte, so "Émile" sorts with "Emile", before "Zoë".
// It is written into each `sortName` column by the database client (app/utils/db.server.ts) whenever
// a name is written, and by `tsx scripts/db.ts deploy` for rows written before the column existed.

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLD: Record<string, string> = {
  æ: "ae", œ: "oe", ß: "ss", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h", ŧ: "t", ŋ: "n", ĸ: "k", ſ: "s",
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join("")}]`, "g");

/** Lower case, accents and marks removed, letters without a decomposition folded, spaces collapsed. */
export function sortKey(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(FOLDABLE, (c) => FOLD[c])
    .replace(/\s+/g, " ")
    .trim();
}
