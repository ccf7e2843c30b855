-- CreateTable
CREATE TABLE "MeetingTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingTranslation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgendaItemTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agendaItemId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgendaItemTranslation_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DocumentTranslation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ThemeTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "themeId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ThemeTranslation_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RecommendationTranslation_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "followUpId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUpTranslation_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "documents" TEXT NOT NULL DEFAULT '',
    "nextSessionAt" DATETIME,
    "recipients" JSONB NOT NULL DEFAULT {},
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" DATETIME,
    "submissionKey" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    CONSTRAINT "FollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_FollowUp" ("createdAt", "createdById", "documents", "id", "meetingId", "nextSessionAt", "queuedAt", "recipients", "status", "subject", "submissionKey", "summary") SELECT "createdAt", "createdById", "documents", "id", "meetingId", "nextSessionAt", "queuedAt", "recipients", "status", "subject", "submissionKey", "summary" FROM "FollowUp";
DROP TABLE "FollowUp";
ALTER TABLE "new_FollowUp" RENAME TO "FollowUp";
CREATE UNIQUE INDEX "FollowUp_submissionKey_key" ON "FollowUp"("submissionKey");
CREATE INDEX "FollowUp_meetingId_idx" ON "FollowUp"("meetingId");
CREATE INDEX "FollowUp_createdById_idx" ON "FollowUp"("createdById");
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "seriesId" TEXT,
    "venue" TEXT NOT NULL DEFAULT '',
    "room" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'IN_PERSON',
    "onlineLink" TEXT,
    "languages" TEXT NOT NULL DEFAULT 'en',
    "capacity" INTEGER,
    "visibility" TEXT NOT NULL DEFAULT 'PUBLIC',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "organiserName" TEXT NOT NULL DEFAULT '',
    "organiserEmail" TEXT NOT NULL DEFAULT '',
    "fundingProgramme" TEXT NOT NULL DEFAULT '',
    "agendaPublishedAt" DATETIME,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "approvalMode" TEXT NOT NULL DEFAULT 'AUTOMATIC',
    "registrationOpensAt" DATETIME,
    "registrationClosesAt" DATETIME,
    "privacyNoticeVersion" TEXT NOT NULL DEFAULT '2026-01',
    "retentionDays" INTEGER,
    "anonymisedAt" DATETIME,
    "reminderOffsets" TEXT NOT NULL DEFAULT '7d,1d',
    "participantListVisible" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("agendaPublishedAt", "anonymisedAt", "approvalMode", "capacity", "city", "createdAt", "description", "endsAt", "format", "fundingProgramme", "icsSequence", "id", "languages", "onlineLink", "organiserEmail", "organiserName", "participantListVisible", "privacyNoticeVersion", "registrationClosesAt", "registrationOpensAt", "reminderOffsets", "retentionDays", "room", "seriesId", "slug", "startsAt", "status", "timeZone", "title", "updatedAt", "venue", "visibility") SELECT "agendaPublishedAt", "anonymisedAt", "approvalMode", "capacity", "city", "createdAt", "description", "endsAt", "format", "fundingProgramme", "icsSequence", "id", "languages", "onlineLink", "organiserEmail", "organiserName", "participantListVisible", "privacyNoticeVersion", "registrationClosesAt", "registrationOpensAt", "reminderOffsets", "retentionDays", "room", "seriesId", "slug", "startsAt", "status", "timeZone", "title", "updatedAt", "venue", "visibility" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE UNIQUE INDEX "Meeting_slug_key" ON "Meeting"("slug");
CREATE INDEX "Meeting_status_startsAt_idx" ON "Meeting"("status", "startsAt");
CREATE INDEX "Meeting_status_endsAt_idx" ON "Meeting"("status", "endsAt");
CREATE INDEX "Meeting_seriesId_startsAt_idx" ON "Meeting"("seriesId", "startsAt");
CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");
CREATE TABLE "new_Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "leadAgencyId" TEXT NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'MEDIUM',
    "dueDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "supersededById" TEXT,
    "closingEvidence" TEXT NOT NULL DEFAULT '',
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    CONSTRAINT "Recommendation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_leadAgencyId_fkey" FOREIGN KEY ("leadAgencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Recommendation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Recommendation" ("agendaItemId", "closedAt", "closingEvidence", "code", "createdAt", "dueDate", "id", "leadAgencyId", "meetingId", "priority", "progress", "rationale", "status", "supersededById", "text", "title", "updatedAt") SELECT "agendaItemId", "closedAt", "closingEvidence", "code", "createdAt", "dueDate", "id", "leadAgencyId", "meetingId", "priority", "progress", "rationale", "status", "supersededById", "text", "title", "updatedAt" FROM "Recommendation";
DROP TABLE "Recommendation";
ALTER TABLE "new_Recommendation" RENAME TO "Recommendation";
CREATE UNIQUE INDEX "Recommendation_code_key" ON "Recommendation"("code");
CREATE INDEX "Recommendation_meetingId_code_idx" ON "Recommendation"("meetingId", "code");
CREATE INDEX "Recommendation_leadAgencyId_status_idx" ON "Recommendation"("leadAgencyId", "status");
CREATE INDEX "Recommendation_status_dueDate_idx" ON "Recommendation"("status", "dueDate");
CREATE INDEX "Recommendation_dueDate_idx" ON "Recommendation"("dueDate");
CREATE INDEX "Recommendation_agendaItemId_idx" ON "Recommendation"("agendaItemId");
CREATE INDEX "Recommendation_supersededById_idx" ON "Recommendation"("supersededById");
CREATE TABLE "new_Theme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en'
);
INSERT INTO "new_Theme" ("id", "name", "slug") SELECT "id", "name", "slug" FROM "Theme";
DROP TABLE "Theme";
ALTER TABLE "new_Theme" RENAME TO "Theme";
CREATE UNIQUE INDEX "Theme_slug_key" ON "Theme"("slug");
CREATE UNIQUE INDEX "Theme_name_key" ON "Theme"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MeetingTranslation_meetingId_language_key" ON "MeetingTranslation"("meetingId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItemTranslation_agendaItemId_language_key" ON "AgendaItemTranslation"("agendaItemId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentTranslation_documentId_language_key" ON "DocumentTranslation"("documentId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "ThemeTranslation_themeId_language_key" ON "ThemeTranslation"("themeId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationTranslation_recommendationId_language_key" ON "RecommendationTranslation"("recommendationId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpTranslation_followUpId_language_key" ON "FollowUpTranslation"("followUpId", "language");

