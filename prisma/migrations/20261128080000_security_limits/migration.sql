-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN "submissionKey" TEXT;
-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "expiresAt" DATETIME;
-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoginToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "userId" TEXT,
    "redirectTo" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LoginToken" ("createdAt", "expiresAt", "id", "redirectTo", "tokenHash", "usedAt", "userId") SELECT "createdAt", "expiresAt", "id", "redirectTo", "tokenHash", "usedAt", "userId" FROM "LoginToken";
DROP TABLE "LoginToken";
ALTER TABLE "new_LoginToken" RENAME TO "LoginToken";
CREATE UNIQUE INDEX "LoginToken_tokenHash_key" ON "LoginToken"("tokenHash");
CREATE INDEX "LoginToken_userId_idx" ON "LoginToken"("userId");
CREATE INDEX "LoginToken_email_idx" ON "LoginToken"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_submissionKey_key" ON "FollowUp"("submissionKey");
