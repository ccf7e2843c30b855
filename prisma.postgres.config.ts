import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "prisma6-adapter-pg";

// The PostgreSQL twin of prisma.config.ts: every Prisma CLI command takes `--config
// prisma.postgres.config.ts` (scripts/db.ts does that). The schema is generated from
// prisma/schema.prisma; see docs/decisions/060-postgresql.md. Like prisma.config.ts it serves the 6.19
// CLI, with the 6.19 adapter (package alias prisma6-adapter-pg); the app runs Prisma 7 (decision 064).

// Workaround 1: the wasm schema engine reads pg_catalog columns of type "name" (OID 19) and
// "char" (OID 18), which @prisma/adapter-pg cannot map; report them as text (OID 25).
// addFields is internal to pg (not in its types).
const result = pg.Result.prototype as unknown as { addFields(fields: { dataTypeID: number }[]): void };
const addFields = result.addFields;
result.addFields = function (fields) {
  for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
  return addFields.call(this, fields);
};

// Workaround 2: the adapter's executeScript() splits a migration at every ";", which cuts a function body
// ($$ ... $$, the trigger functions of decision 092) apart. Send the script whole instead: PostgreSQL runs a
// query of several statements as one implicit transaction, so a migration that fails leaves nothing half done.
type Connected = Awaited<ReturnType<PrismaPg["connect"]>>;
function wholeScripts(adapter: Connected): Connected {
  const { client, onError } = adapter as unknown as { client: pg.Pool; onError(e: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await client.query(script);
    } catch (e) {
      onError.call(adapter, e);
    }
  };
  return adapter;
}

// Workaround 3: the adapter's connectToShadowDb() ignores the database named in the URL and drops
// its temporary database while still connected. Use a pre-created shadow database, emptied on use.
class PgWithShadow extends PrismaPg {
  async connectToShadowDb() {
    const url = process.env.SHADOW_DATABASE_URL;
    if (!url) throw new Error("SHADOW_DATABASE_URL is not set: an empty PostgreSQL database Prisma may wipe.");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
    return wholeScripts(await new PrismaPg({ connectionString: url, allowExitOnIdle: true }).connect());
  }

  async connect() {
    return wholeScripts(await super.connect());
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/postgres/schema.prisma",
  migrations: { path: "prisma/postgres/migrations" },
  async adapter() {
    // allowExitOnIdle: without it every CLI command lingers 10 s on the pool's idle timer.
    return new PgWithShadow({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true });
  },
});
