-- Prisma's draft, edited by hand. JSON columns keep their text when it is JSON, keep other text as
-- a JSON string, and turn an empty value into NULL or {}. The JSON defaults are quoted ('{}'), the
-- draft wrote DEFAULT {} which SQLite rejects. sortName starts as lower(name), then
-- `tsx scripts/db.ts deploy` writes sortKey(name). Enum columns stay TEXT on SQLite.
-- docs/decisions/062-enums-json-sort-keys.md

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "acronym" TEXT NOT NULL,
    "sortName" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "country" TEXT,
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Agency" ("acronym", "country", "createdAt", "id", "kind", "name", "parentId", "updatedAt", "sortName") SELECT "acronym", "country", "createdAt", "id", "kind", "name", "parentId", "updatedAt", lower("name") FROM "Agency";
DROP TABLE "Agency";
ALTER TABLE "new_Agency" RENAME TO "Agency";
CREATE UNIQUE INDEX "Agency_name_key" ON "Agency"("name");
CREATE INDEX "Agency_acronym_idx" ON "Agency"("acronym");
CREATE INDEX "Agency_country_idx" ON "Agency"("country");
CREATE INDEX "Agency_parentId_idx" ON "Agency"("parentId");
CREATE INDEX "Agency_sortName_idx" ON "Agency"("sortName");
CREATE TABLE "new_AgendaPerson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agendaItemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL DEFAULT '',
    "agencyId" TEXT,
    "role" TEXT NOT NULL DEFAULT 'SPEAKER',
    CONSTRAINT "AgendaPerson_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgendaPerson_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AgendaPerson" ("agencyId", "agendaItemId", "id", "name", "role", "sortName") SELECT "agencyId", "agendaItemId", "id", "name", "role", lower("name") FROM "AgendaPerson";
DROP TABLE "AgendaPerson";
ALTER TABLE "new_AgendaPerson" RENAME TO "AgendaPerson";
CREATE INDEX "AgendaPerson_agendaItemId_idx" ON "AgendaPerson"("agendaItemId");
CREATE INDEX "AgendaPerson_agencyId_idx" ON "AgendaPerson"("agencyId");
CREATE TABLE "new_AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "meetingId" TEXT,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditLog" ("action", "after", "before", "createdAt", "entity", "entityId", "id", "meetingId", "userId") SELECT "action", CASE WHEN "after" IS NULL OR trim("after") = '' THEN NULL WHEN json_valid("after") THEN "after" ELSE json_quote("after") END, CASE WHEN "before" IS NULL OR trim("before") = '' THEN NULL WHEN json_valid("before") THEN "before" ELSE json_quote("before") END, "createdAt", "entity", "entityId", "id", "meetingId", "userId" FROM "AuditLog";
DROP TABLE "AuditLog";
ALTER TABLE "new_AuditLog" RENAME TO "AuditLog";
CREATE INDEX "AuditLog_entity_entityId_createdAt_idx" ON "AuditLog"("entity", "entityId", "createdAt");
CREATE INDEX "AuditLog_meetingId_entity_createdAt_idx" ON "AuditLog"("meetingId", "entity", "createdAt");
CREATE INDEX "AuditLog_userId_idx" ON "AuditLog"("userId");
CREATE TABLE "new_FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "documents" TEXT NOT NULL DEFAULT '',
    "nextSessionAt" DATETIME,
    "recipients" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" DATETIME,
    "submissionKey" TEXT,
    CONSTRAINT "FollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_FollowUp" ("createdAt", "createdById", "documents", "id", "meetingId", "nextSessionAt", "queuedAt", "recipients", "status", "subject", "submissionKey", "summary") SELECT "createdAt", "createdById", "documents", "id", "meetingId", "nextSessionAt", "queuedAt", CASE WHEN "recipients" IS NULL OR trim("recipients") = '' THEN '{}' WHEN json_valid("recipients") THEN "recipients" ELSE json_quote("recipients") END, "status", "subject", "submissionKey", "summary" FROM "FollowUp";
DROP TABLE "FollowUp";
ALTER TABLE "new_FollowUp" RENAME TO "FollowUp";
CREATE UNIQUE INDEX "FollowUp_submissionKey_key" ON "FollowUp"("submissionKey");
CREATE INDEX "FollowUp_meetingId_idx" ON "FollowUp"("meetingId");
CREATE INDEX "FollowUp_createdById_idx" ON "FollowUp"("createdById");
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toName" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "icsContent" TEXT,
    "icsMethod" TEXT,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "essential" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" DATETIME,
    "lockedBy" TEXT,
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "messageId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "meetingId" TEXT,
    "registrationId" TEXT,
    "followUpId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxMessage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "createdAt", "essential", "followUpId", "headers", "html", "icsContent", "icsMethod", "id", "idempotencyKey", "kind", "lastError", "lockedAt", "lockedBy", "meetingId", "messageId", "nextAttemptAt", "registrationId", "sentAt", "smtpResponse", "status", "subject", "text", "toEmail", "toName", "updatedAt") SELECT "attempts", "createdAt", "essential", "followUpId", CASE WHEN "headers" IS NULL OR trim("headers") = '' THEN '{}' WHEN json_valid("headers") THEN "headers" ELSE json_quote("headers") END, "html", "icsContent", "icsMethod", "id", "idempotencyKey", "kind", "lastError", "lockedAt", "lockedBy", "meetingId", "messageId", "nextAttemptAt", "registrationId", "sentAt", "smtpResponse", "status", "subject", "text", "toEmail", "toName", "updatedAt" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_meetingId_createdAt_idx" ON "OutboxMessage"("meetingId", "createdAt");
CREATE INDEX "OutboxMessage_toEmail_createdAt_idx" ON "OutboxMessage"("toEmail", "createdAt");
CREATE INDEX "OutboxMessage_followUpId_idx" ON "OutboxMessage"("followUpId");
CREATE INDEX "OutboxMessage_registrationId_idx" ON "OutboxMessage"("registrationId");
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
INSERT INTO "new_Registration" ("accessibility", "agencyId", "anonymisedAt", "attendance", "checkedInAt", "consentAt", "consentNoticeVersion", "createdAt", "delegationId", "dietary", "email", "emailNormalised", "id", "invitationId", "jobTitle", "listConsent", "manageTokenHash", "meetingId", "name", "registeredById", "role", "status", "updatedAt", "userId", "waitlistRank", "sortName") SELECT "accessibility", "agencyId", "anonymisedAt", "attendance", "checkedInAt", "consentAt", "consentNoticeVersion", "createdAt", "delegationId", "dietary", "email", "emailNormalised", "id", "invitationId", "jobTitle", "listConsent", "manageTokenHash", "meetingId", "name", "registeredById", "role", "status", "updatedAt", "userId", "waitlistRank", lower("name") FROM "Registration";
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
CREATE INDEX "Registration_meetingId_sortName_idx" ON "Registration"("meetingId", "sortName");
CREATE UNIQUE INDEX "Registration_meetingId_emailNormalised_key" ON "Registration"("meetingId", "emailNormalised");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

