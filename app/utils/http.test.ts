import { describe, expect, it } from "vitest";
import { FORM_LIMITS, readForm, safeRedirectPath } from "./http.server";

// Every value a hostile link or form can carry as a redirect target, and where it must end.
const HOSTILE: Array<[string, unknown]> = [
  ["absolute URL", "https://evil.example/"],
  ["scheme-relative", "//evil.example/"],
  ["scheme-relative with backslash", "/\\evil.example/"],
  ["backslashes only", "\\\\evil.example"],
  ["tab after the slash", "/\t/evil.example/"],
  ["newline after the slash", "/\n/evil.example/"],
  ["carriage return", "/\r/evil.example"],
  ["newline inside (header injection)", "/admin\r\nSet-Cookie: x=1"],
  ["NUL", "/admin\u0000"],
  ["DEL", "/admin\u007f"],
  ["dot segments to a second slash", "/.//evil.example/"],
  ["dot-dot segments to a second slash", "/a/..//evil.example"],
  ["javascript URL", "javascript:alert(1)"],
  ["data URL", "data:text/html,<script>alert(1)</script>"],
  ["no leading slash", "evil.example"],
  ["leading space", " /admin"],
  ["empty", ""],
  ["null", null],
  ["undefined", undefined],
  ["a File", new File(["x"], "x.txt")],
  ["very long", `/${"a".repeat(5_000)}`],
];

describe("safeRedirectPath", () => {
  it.each(HOSTILE)("falls back for %s", (_label, value) => {
    expect(safeRedirectPath(value as string, "/safe")).toBe("/safe");
  });

  it.each([
    ["/admin", "/admin"],
    ["/meetings/calais-2027?tab=agenda#day-2", "/meetings/calais-2027?tab=agenda#day-2"],
    ["/recommendations/queue", "/recommendations/queue"],
    // normalised to the URL's own spelling: ASCII only, so it is always a valid Location header
    ["/meetings/caf\u00e9 bar", "/meetings/caf%C3%A9%20bar"],
    ["/a/../admin", "/admin"],
    ["/%0a/evil.example", "/%0a/evil.example"],
    ["/search?q=\u2028", "/search?q=%E2%80%A8"],
  ])("keeps the same-site path %j as %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it("uses / when no fallback is given", () => {
    expect(safeRedirectPath("https://evil.example/")).toBe("/");
  });

  it("always returns something a Location header accepts", () => {
    for (const [, value] of HOSTILE) expect(() => new Headers({ Location: safeRedirectPath(value as string) })).not.toThrow();
  });
});

describe("readForm", () => {
  const post = (body: string) =>
    new Request("http://localhost/admin/meetings/new", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  const status = (request: Request) => readForm(request).then(() => 200, (e: unknown) => (e instanceof Response ? e.status : 500));

  it("reads forms up to the limits: as many fields as the largest page sends, a bulk action's repeated ids", async () => {
    const distinct = Array.from({ length: FORM_LIMITS.fields }, (_, i) => `items[${i}].title=x`).join("&");
    expect(await status(post(distinct))).toBe(200);
    const ids = Array.from({ length: FORM_LIMITS.repeats }, (_, i) => `ids=r${i}`).join("&");
    expect((await readForm(post(`intent=approve&${ids}`))).getAll("ids")).toHaveLength(FORM_LIMITS.repeats);
  });

  it("refuses with 413 a form with more fields, or one field repeated more often, before any action parses it", async () => {
    expect(await status(post(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => `f${i}=x`).join("&")))).toBe(413);
    expect(await status(post("a=b&".repeat(FORM_LIMITS.repeats + 1)))).toBe(413);
    // The hostile post that held a server for minutes: 2 MB of one repeated field.
    expect(await status(post("a=b&".repeat(500_000)))).toBe(413);
  });
});
