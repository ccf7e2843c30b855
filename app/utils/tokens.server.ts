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
