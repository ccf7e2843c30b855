import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERSONAL_DATA, erasedData, exportSelect, personalFields } from "./personal-data.server";

// Every text column of the schema must be classified in the one list of personal data, so that a new
// column holding names or addresses cannot be added without deciding how retention erases it.

function textColumns(): Map<string, string[]> {
  const schema = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  const models = new Map<string, string[]>();
  for (const m of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: string[] = [];
    for (const line of m[2].split("\n")) {
      const [name, type] = line.trim().split(/\s+/);
      if (!name || name.startsWith("//") || name.startsWith("@@")) continue;
      if (!/^(String|Json)\??$/.test(type ?? "")) continue;
      if (name === "id" || name.endsWith("Id")) continue; // references and keys
      fields.push(name);
    }
    models.set(m[1], fields);
  }
  return models;
}

describe("the list of personal data", () => {
  it("classifies every text column of every model in prisma/schema.prisma", () => {
    const list = PERSONAL_DATA as Record<string, Record<string, unknown>>;
    const missing: string[] = [];
    for (const [model, fields] of textColumns()) {
      for (const f of fields) if (!list[model] || !(f in list[model])) missing.push(`${model}.${f}`);
    }
    expect(missing, "classify these columns in app/domain/privacy/personal-data.server.ts").toEqual([]);
  });

  it("lists no model that is not in the schema", () => {
    const models = textColumns();
    expect(Object.keys(PERSONAL_DATA).filter((m) => !models.has(m))).toEqual([]);
  });

  it("erases the registration's personal columns and exports them", () => {
    const data = erasedData("Registration", "r1");
    expect(data).toMatchObject({ name: "Anonymised participant", email: "anonymised-r1@invalid", dietary: "", accessibility: "", jobTitle: "" });
    expect(Object.keys(data).sort()).toEqual(personalFields("Registration").sort());
    expect(exportSelect("Registration")).toMatchObject({ name: true, email: true, dietary: true, accessibility: true });
    expect(exportSelect("Registration")).not.toHaveProperty("manageTokenHash");
  });
});
