import crypto from "node:crypto";

// Secret links (sign-in, self-service, invitations, progress reports): the token goes into the
// URL, only its SHA-256 is stored.

export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// Links and codes signed with a server secret (unsubscribe, the registration's private link, the
// check-in code on a badge) each use their own key derived from SESSION_SECRET with a purpose label
// (HKDF, RFC 5869), never the session secret itself: a signature made for one purpose is useless for
// another, and the cookie key signs nothing else. docs/decisions/055-retention-and-derived-keys.md.
export type KeyPurpose = "unsubscribe" | "registration-link" | "checkin";

const derived = new Map<string, Buffer>();

export function derivedKey(secret: string, purpose: KeyPurpose): Buffer {
  const cacheKey = `${purpose}\0${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync("sha256", secret, "convene", `convene:${purpose}`, 32));
    derived.set(cacheKey, key);
  }
  return key;
}

/** HMAC-SHA256 of a message under the purpose's derived key, base64url. */
export function signFor(secret: string, purpose: KeyPurpose, message: string): string {
  return crypto.createHmac("sha256", derivedKey(secret, purpose)).update(message).digest("base64url");
}
