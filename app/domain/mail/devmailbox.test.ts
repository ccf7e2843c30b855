import { describe, expect, it } from "vitest";
import { mailLanguage } from "./devmailbox.server";

// The development mailbox marks a mail with the language it is written in.

describe("mailLanguage", () => {
  it("reads the mail's Content-Language (its first language), else its HTML's lang", () => {
    expect(mailLanguage({ "Content-Language": "fr, en" }, '<html lang="en">')).toBe("fr");
    expect(mailLanguage({ "List-Unsubscribe": "<x>" }, '<!DOCTYPE html><html dir="ltr" lang="fr"><head></head></html>')).toBe("fr");
    expect(mailLanguage({}, "<p>no html element</p>")).toBeNull();
    expect(mailLanguage({ "Content-Language": "de" }, '<html lang="xx">')).toBeNull();
  });
});
