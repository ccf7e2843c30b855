import { describe, expect, it } from "vitest";
import { neutraliseCell, parseCsv, toCsv } from "./csv.server";

describe("CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const bad of ["=1+1", "+32 2 123", "-2", "@SUM(A1)", "\tx"]) expect(neutraliseCell(bad).startsWith("'")).toBe(true);
    expect(neutraliseCell("IOM")).toBe("IOM");
    const csv = toCsv(["name"], [["=HYPERLINK(\"http://evil\")"], ["Anna, \"Jr\""]]);
    expect(csv).toContain("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csv).toContain("\"Anna, \"\"Jr\"\"\"");
  });

  it("parses a header row and reports unreadable files", () => {
    const ok = parseCsv("\uFEFFName,Email\nAnna,anna@example.org\n");
    expect(ok).toEqual({ ok: true, header: ["name", "email"], rows: [{ name: "Anna", email: "anna@example.org" }] });
    expect(parseCsv("").ok).toBe(false);
    // At most 200 columns: each row becomes an object with a key per column.
    expect(parseCsv(`${Array.from({ length: 200 }, (_, i) => `c${i}`).join(",")}\n${"x,".repeat(199)}x\n`).ok).toBe(true);
    expect(parseCsv(`name,email,agency${",".repeat(198)}\na,b,c\n`)).toEqual({ ok: false, error: "The file has more than 200 columns." });
    expect(parseCsv('a,b\n"unterminated,1').ok).toBe(false);
  });
});
