-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT,
    "agencyId" TEXT,
    "delegationId" TEXT,
    "registeredById" TEXT,
    "invitationId" TEXT,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "emailNormalised" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'DELEGATE',
    "dietary" TEXT NOT NULL DEFAULT '',
    "accessibility" TEXT NOT NULL DEFAULT '',
    "consentAt" DATETIME,
    "consentNoticeVersion" TEXT,
    "listConsent" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "inviteWithdrawals" INTEGER NOT NULL DEFAULT 0,
    "waitlistRank" INTEGER,
    "attendance" TEXT NOT NULL DEFAULT 'NONE',
    "checkedInAt" DATETIME,
    "manageTokenHash" TEXT NOT NULL,
    "anonymisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Registration_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Registration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Registration_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Registration_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Registration_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Registration_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("accessibility", "agencyId", "anonymisedAt", "attendance", "checkedInAt", "consentAt", "consentNoticeVersion", "createdAt", "delegationId", "dietary", "email", "emailNormalised", "id", "invitationId", "jobTitle", "listConsent", "manageTokenHash", "meetingId", "name", "registeredById", "role", "sortName", "status", "updatedAt", "userId", "waitlistRank") SELECT "accessibility", "agencyId", "anonymisedAt", "attendance", "checkedInAt", "consentAt", "consentNoticeVersion", "createdAt", "delegationId", "dietary", "email", "emailNormalised", "id", "invitationId", "jobTitle", "listConsent", "manageTokenHash", "meetingId", "name", "registeredById", "role", "sortName", "status", "updatedAt", "userId", "waitlistRank" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE UNIQUE INDEX "Registration_manageTokenHash_key" ON "Registration"("manageTokenHash");
CREATE INDEX "Registration_meetingId_status_waitlistRank_idx" ON "Registration"("meetingId", "status", "waitlistRank");
CREATE INDEX "Registration_meetingId_createdAt_idx" ON "Registration"("meetingId", "createdAt");
CREATE INDEX "Registration_meetingId_agencyId_status_idx" ON "Registration"("meetingId", "agencyId", "status");
CREATE INDEX "Registration_userId_idx" ON "Registration"("userId");
CREATE INDEX "Registration_emailNormalised_idx" ON "Registration"("emailNormalised");
CREATE INDEX "Registration_delegationId_idx" ON "Registration"("delegationId");
CREATE INDEX "Registration_registeredById_idx" ON "Registration"("registeredById");
CREATE INDEX "Registration_invitationId_idx" ON "Registration"("invitationId");
CREATE INDEX "Registration_meetingId_sortName_idx" ON "Registration"("meetingId", "sortName");
CREATE UNIQUE INDEX "Registration_meetingId_emailNormalised_key" ON "Registration"("meetingId", "emailNormalised");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

