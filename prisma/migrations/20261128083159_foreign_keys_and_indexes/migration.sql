-- References that now become foreign keys: clear the ones whose row is gone (a deleted user,
-- invitation or progress link) so the constraints hold for existing data.
UPDATE "RegistrationEvent" SET "userId" = NULL WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
UPDATE "RecommendationStatusChange" SET "userId" = NULL WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
UPDATE "Registration" SET "invitationId" = NULL WHERE "invitationId" IS NOT NULL AND "invitationId" NOT IN (SELECT "id" FROM "Invitation");
UPDATE "ProgressUpdate" SET "progressLinkId" = NULL WHERE "progressLinkId" IS NOT NULL AND "progressLinkId" NOT IN (SELECT "id" FROM "ProgressLink");

-- DropIndex
DROP INDEX "Invitation_meetingId_idx";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProgressUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "agencyId" TEXT,
    "text" TEXT NOT NULL,
    "newStatus" TEXT,
    "newProgress" INTEGER,
    "evidenceUrl" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "reviewNote" TEXT NOT NULL DEFAULT '',
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "progressLinkId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProgressUpdate_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgressUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProgressUpdate_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProgressUpdate_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProgressUpdate_progressLinkId_fkey" FOREIGN KEY ("progressLinkId") REFERENCES "ProgressLink" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProgressUpdate" ("agencyId", "authorId", "authorName", "createdAt", "evidenceUrl", "id", "newProgress", "newStatus", "progressLinkId", "recommendationId", "reviewNote", "reviewedAt", "reviewedById", "state", "text") SELECT "agencyId", "authorId", "authorName", "createdAt", "evidenceUrl", "id", "newProgress", "newStatus", "progressLinkId", "recommendationId", "reviewNote", "reviewedAt", "reviewedById", "state", "text" FROM "ProgressUpdate";
DROP TABLE "ProgressUpdate";
ALTER TABLE "new_ProgressUpdate" RENAME TO "ProgressUpdate";
CREATE INDEX "ProgressUpdate_recommendationId_createdAt_idx" ON "ProgressUpdate"("recommendationId", "createdAt");
CREATE INDEX "ProgressUpdate_state_idx" ON "ProgressUpdate"("state");
CREATE INDEX "ProgressUpdate_authorId_idx" ON "ProgressUpdate"("authorId");
CREATE INDEX "ProgressUpdate_agencyId_idx" ON "ProgressUpdate"("agencyId");
CREATE INDEX "ProgressUpdate_reviewedById_idx" ON "ProgressUpdate"("reviewedById");
CREATE INDEX "ProgressUpdate_progressLinkId_idx" ON "ProgressUpdate"("progressLinkId");
CREATE TABLE "new_RecommendationStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "progress" INTEGER NOT NULL,
    "userId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecommendationStatusChange_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecommendationStatusChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RecommendationStatusChange" ("createdAt", "fromStatus", "id", "note", "progress", "recommendationId", "toStatus", "userId") SELECT "createdAt", "fromStatus", "id", "note", "progress", "recommendationId", "toStatus", "userId" FROM "RecommendationStatusChange";
DROP TABLE "RecommendationStatusChange";
ALTER TABLE "new_RecommendationStatusChange" RENAME TO "RecommendationStatusChange";
CREATE INDEX "RecommendationStatusChange_recommendationId_createdAt_idx" ON "RecommendationStatusChange"("recommendationId", "createdAt");
CREATE INDEX "RecommendationStatusChange_createdAt_idx" ON "RecommendationStatusChange"("createdAt");
CREATE INDEX "RecommendationStatusChange_userId_idx" ON "RecommendationStatusChange"("userId");
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT,
    "agencyId" TEXT,
    "delegationId" TEXT,
    "registeredById" TEXT,
    "invitationId" TEXT,
    "name" TEXT NOT NULL,
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
INSERT INTO "new_Registration" ("accessibility", "agencyId", "anonymisedAt", "attendance", "checkedInAt", "consentAt", "consentNoticeVersion", "createdAt", "delegationId", "dietary", "email", "emailNormalised", "id", "invitationId", "jobTitle", "listConsent", "manageTokenHash", "meetingId", "name", "registeredById", "role", "status", "updatedAt", "userId", "waitlistRank") SELECT "accessibility", "agencyId", "anonymisedAt", "attendance", "checkedInAt", "consentAt", "consentNoticeVersion", "createdAt", "delegationId", "dietary", "email", "emailNormalised", "id", "invitationId", "jobTitle", "listConsent", "manageTokenHash", "meetingId", "name", "registeredById", "role", "status", "updatedAt", "userId", "waitlistRank" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE UNIQUE INDEX "Registration_manageTokenHash_key" ON "Registration"("manageTokenHash");
CREATE INDEX "Registration_meetingId_status_waitlistRank_idx" ON "Registration"("meetingId", "status", "waitlistRank");
CREATE INDEX "Registration_meetingId_agencyId_idx" ON "Registration"("meetingId", "agencyId");
CREATE INDEX "Registration_userId_idx" ON "Registration"("userId");
CREATE INDEX "Registration_emailNormalised_idx" ON "Registration"("emailNormalised");
CREATE INDEX "Registration_delegationId_idx" ON "Registration"("delegationId");
CREATE INDEX "Registration_registeredById_idx" ON "Registration"("registeredById");
CREATE INDEX "Registration_invitationId_idx" ON "Registration"("invitationId");
CREATE UNIQUE INDEX "Registration_meetingId_emailNormalised_key" ON "Registration"("meetingId", "emailNormalised");
CREATE TABLE "new_RegistrationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registrationId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RegistrationEvent_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegistrationEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RegistrationEvent" ("createdAt", "fromStatus", "id", "reason", "registrationId", "toStatus", "userId") SELECT "createdAt", "fromStatus", "id", "reason", "registrationId", "toStatus", "userId" FROM "RegistrationEvent";
DROP TABLE "RegistrationEvent";
ALTER TABLE "new_RegistrationEvent" RENAME TO "RegistrationEvent";
CREATE INDEX "RegistrationEvent_registrationId_createdAt_idx" ON "RegistrationEvent"("registrationId", "createdAt");
CREATE INDEX "RegistrationEvent_userId_idx" ON "RegistrationEvent"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Agency_parentId_idx" ON "Agency"("parentId");

-- CreateIndex
CREATE INDEX "AgendaPerson_agencyId_idx" ON "AgendaPerson"("agencyId");

-- CreateIndex
CREATE INDEX "AuditLog_userId_idx" ON "AuditLog"("userId");

-- CreateIndex
CREATE INDEX "FollowUp_createdById_idx" ON "FollowUp"("createdById");

-- CreateIndex
CREATE INDEX "Invitation_meetingId_agencyId_idx" ON "Invitation"("meetingId", "agencyId");

-- CreateIndex
CREATE INDEX "Invitation_agencyId_idx" ON "Invitation"("agencyId");

-- CreateIndex
CREATE INDEX "OutboxMessage_registrationId_idx" ON "OutboxMessage"("registrationId");

-- CreateIndex
CREATE INDEX "ProgressLink_agencyId_idx" ON "ProgressLink"("agencyId");

-- CreateIndex
CREATE INDEX "Recommendation_agendaItemId_idx" ON "Recommendation"("agendaItemId");

-- CreateIndex
CREATE INDEX "Recommendation_supersededById_idx" ON "Recommendation"("supersededById");

-- CreateIndex
CREATE INDEX "RecommendationReview_agendaItemId_idx" ON "RecommendationReview"("agendaItemId");

