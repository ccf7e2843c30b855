-- AlterTable
ALTER TABLE "User" ADD COLUMN "locale" TEXT;

-- AlterTable (written by hand: SQLite adds a NOT NULL column with a constant default in place, so the
-- table is not rebuilt as the generated migration did; npm run db:check confirms the result is the schema)
ALTER TABLE "Registration" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
