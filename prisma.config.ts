import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "prisma6-adapter-better-sqlite3";

// Prisma 6.19 with the wasm schema engine (engine: "js") runs Migrate offline; see
// docs/decisions/002-prisma-wasm-engine.md. This config is the 6.19 CLI's only: its adapter is the 6.19
// one (package alias prisma6-adapter-better-sqlite3); the app runs Prisma 7 (decision 064).
// Workaround: when replaying migrations on the shadow DB the wasm engine sends whole
// multi-statement scripts through executeRaw(); better-sqlite3's prepare() rejects those
// ("External error id#0" / P3006), so route them to executeScript().
class ShadowSafeSQLite extends PrismaBetterSQLite3 {
  async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0 && /;\s*\S/.test(query.sql.trim())) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  }
}

// The schema's `url = env("DATABASE_URL")` must resolve or the CLI tries to download a query
// engine; default it to the embedded database, like the app does (app/utils/env.server.ts).
process.env.DATABASE_URL ??= "file:./data/convene.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new ShadowSafeSQLite({ url: process.env.DATABASE_URL! });
  },
});
