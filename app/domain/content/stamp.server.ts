import { createHash } from "node:crypto";

// The one fingerprint of a translation form (a meeting's, a recommendation's, the themes'): what the form
// was made from. saveIfUnchanged (app/utils/save-if-unchanged.server.ts) refuses a save whose stamp is not
// the current one.

/** An original as the form shows it: its language and its texts (and ids where rows can come and go). */
export type StampedOriginal = { language: string } & Record<string, string | null>;

/**
 * A hash of the originals (language and text: a translator must not save a translation of a text edited
 * since) and of the translation rows' id:updatedAt (any save of a translation changes it).
 */
export function translationStamp(original: StampedOriginal | readonly StampedOriginal[], rows: readonly { id: string; updatedAt: Date }[]): string {
  const saved = rows.map((r) => `${r.id}:${r.updatedAt.toISOString()}`).sort();
  return createHash("sha256").update(JSON.stringify([original, saved])).digest("hex").slice(0, 32);
}
