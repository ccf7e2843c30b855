import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("configuration", () => {
  it("gives safe defaults for the embedded run", () => {
    const e = parseEnv({ SESSION_SECRET: "0123456789abcdef0123" });
    expect(e.DATABASE_URL).toBe("file:./data/convene.db");
    expect(e.APP_URL).toBe("http://localhost:3000");
    expect(e.SMTP_URL).toBeUndefined();
  });

  it("stops with a clear message on bad values", () => {
    expect(() => parseEnv({ APP_URL: "localhost", SESSION_SECRET: "short" })).toThrowError(
      /SESSION_SECRET: must be at least 16[\s\S]*APP_URL: must be a full URL/,
    );
    expect(() => parseEnv({ SMTP_URL: "mail.example.org", SESSION_SECRET: "0123456789abcdef0123" })).toThrowError(/SMTP_URL/);
  });
});
