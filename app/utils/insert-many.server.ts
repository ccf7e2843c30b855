import { dialect, type Tx } from "~/utils/db.server";

/**
 * How a column's value is written: as given (text, numbers, booleans, null), a date (as Prisma writes it:
 * SQLite ISO text with +00:00, PostgreSQL timestamp(3) in UTC), JSON (an object, stored as text or jsonb),
 * or a value of a database enum (cast on PostgreSQL).
 */
export type ColumnKind = "value" | "date" | "json" | { enum: string };

/** Rows per INSERT statement: 500 rows of 25 columns stay far below both databases' parameter limits. */
export const INSERT_CHUNK = 500;

/**
 * Writes many rows of one table with multi-row INSERTs, one statement per INSERT_CHUNK rows, in the caller's
 * transaction: the bulk writes (a CSV import, a group of registrations, mail to many). Prisma's createMany
 * compiles and interprets every chunk with all its values: a 2,000-row import allocated about 500 MB in the
 * query compiler and its interpreter (docs/decisions/084-mail-delivery-speed.md, 063 addendum). The values are
 * bound parameters. Every column the table needs is given by the caller (ids, timestamps, sort keys): nothing
 * here fills in Prisma's client-side defaults.
 */
export async function insertMany<C extends string>(tx: Tx, table: string, columns: Record<C, ColumnKind>, rows: readonly NoInfer<Record<C, unknown>>[]): Promise<void> {
  const pg = dialect() === "postgresql";
  const names = Object.keys(columns) as C[];
  const casts = names.map((c) => {
    const kind = columns[c];
    if (!pg) return "";
    if (kind === "date") return "::timestamp(3)";
    if (kind === "json") return "::jsonb";
    if (typeof kind === "object") return `::"${kind.enum}"`;
    return "";
  });
  const write = (c: C, value: unknown) => {
    if (value === null || value === undefined) return null;
    const kind = columns[c];
    if (kind === "date") {
      const iso = value instanceof Date ? value.toISOString() : String(value);
      return pg ? iso : iso.replace(/Z$/, "+00:00");
    }
    if (kind === "json") return typeof value === "string" ? value : JSON.stringify(value);
    return value;
  };
  const head = `INSERT INTO "${table}" (${names.map((c) => `"${c}"`).join(",")}) VALUES `;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + INSERT_CHUNK).map(
      (row) =>
        `(${names
          .map((c, i) => {
            params.push(write(c, row[c]));
            return `${pg ? `$${params.length}` : "?"}${casts[i]}`;
          })
          .join(",")})`,
    );
    await tx.$executeRawUnsafe(head + tuples.join(","), ...params);
  }
}
