import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { env } from "./env.server";

export type { Prisma } from "~/generated/prisma/client.ts";
export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient(url: string): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

declare global {
  // Survives Vite dev-server module reloads.
  var __conveneDb: PrismaClient | undefined;
  var __conveneDbReady: Promise<void> | undefined;
}

export const db: PrismaClient = (globalThis.__conveneDb ??= createClient(env().DATABASE_URL));

/** WAL lets the worker process and the web process use the SQLite file together. */
export function dbReady(): Promise<void> {
  globalThis.__conveneDbReady ??= (async () => {
    if (env().DATABASE_URL.startsWith("file:")) {
      await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
      await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    }
  })();
  return globalThis.__conveneDbReady;
}
