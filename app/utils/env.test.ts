import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "./env.server";

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
    expect(() => parseEnv({ DEV_MAILBOX: "yes", SESSION_SECRET: "0123456789abcdef0123" })).toThrowError(/DEV_MAILBOX: must be on or off/);
  });

  it("keeps public pages 5 s unless told otherwise, and refuses a value that is not a whole number of ms", () => {
    const secret = { SESSION_SECRET: "0123456789abcdef0123" };
    expect(parseEnv(secret).PAGE_CACHE_MS).toBe(5_000);
    expect(parseEnv({ ...secret, PAGE_CACHE_MS: "0" }).PAGE_CACHE_MS).toBe(0);
    expect(parseEnv({ ...secret, PAGE_CACHE_MS: "600000" }).PAGE_CACHE_MS).toBe(600_000);
    for (const bad of ["5s", "-1", "2.5"]) {
      expect(() => parseEnv({ ...secret, PAGE_CACHE_MS: bad })).toThrowError(/PAGE_CACHE_MS: must be/);
    }
  });

  it("takes a logo from this server only (the content security policy blocks other sites' images)", () => {
    const secret = { SESSION_SECRET: "0123456789abcdef0123" };
    expect(parseEnv(secret).ORG_LOGO_URL).toBeUndefined();
    expect(parseEnv({ ...secret, ORG_LOGO_URL: "/logo.svg" }).ORG_LOGO_URL).toBe("/logo.svg");
    for (const bad of ["https://example.org/logo.svg", "//example.org/logo.svg", "logo.svg", "/logo a.svg"]) {
      expect(() => parseEnv({ ...secret, ORG_LOGO_URL: bad })).toThrowError(/ORG_LOGO_URL: must be a path on this server/);
    }
  });

  describe("mail: SMTP or an explicit demo mailbox, never public by default", () => {
    const secret = { SESSION_SECRET: "0123456789abcdef0123" };

    it("keeps the development mailbox off unless asked for", () => {
      expect(parseEnv(secret).DEV_MAILBOX).toBe(false);
      expect(parseEnv({ ...secret, NODE_ENV: "production", SMTP_URL: "smtp://mail.example.org:587" }).DEV_MAILBOX).toBe(false);
      expect(parseEnv({ ...secret, DEV_MAILBOX: "on" }).DEV_MAILBOX).toBe(true);
    });

    it("refuses a production start with neither SMTP_URL nor DEV_MAILBOX=on, saying what to set", () => {
      for (const mail of [{}, { SMTP_URL: "" }, { DEV_MAILBOX: "off" }]) {
        expect(() => parseEnv({ ...secret, ...mail, NODE_ENV: "production" })).toThrowError(
          /SMTP_URL: a production start needs[\s\S]*SMTP_URL=smtp:\/\/[\s\S]*DEV_MAILBOX=on for a demo where all mail/,
        );
      }
      expect(parseEnv({ ...secret, NODE_ENV: "production", DEV_MAILBOX: "on" }).DEV_MAILBOX).toBe(true);
    });

    it("refuses the mailbox together with SMTP: it would show everyone the real mail", () => {
      for (const NODE_ENV of ["production", "development", "test"]) {
        expect(() => parseEnv({ ...secret, NODE_ENV, DEV_MAILBOX: "on", SMTP_URL: "smtp://mail.example.org:587" })).toThrowError(
          /DEV_MAILBOX: must be off when SMTP_URL is set/,
        );
      }
    });

    it("is a ConfigurationError, which the start scripts print without a stack", () => {
      expect(() => parseEnv({ ...secret, NODE_ENV: "production" })).toThrowError(ConfigurationError);
    });
  });
});
