-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "hasRecommendations" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("agendaPublishedAt", "anonymisedAt", "approvalMode", "capacity", "city", "createdAt", "description", "endsAt", "format", "fundingProgramme", "icsSequence", "id", "language", "languages", "onlineLink", "organiserEmail", "organiserName", "participantListVisible", "privacyNoticeVersion", "registrationClosesAt", "registrationOpensAt", "reminderOffsets", "retentionDays", "room", "seriesId", "slug", "startsAt", "status", "timeZone", "title", "updatedAt", "venue", "visibility") SELECT "agendaPublishedAt", "anonymisedAt", "approvalMode", "capacity", "city", "createdAt", "description", "endsAt", "format", "fundingProgramme", "icsSequence", "id", "language", "languages", "onlineLink", "organiserEmail", "organiserName", "participantListVisible", "privacyNoticeVersion", "registrationClosesAt", "registrationOpensAt", "reminderOffsets", "retentionDays", "room", "seriesId", "slug", "startsAt", "status", "timeZone", "title", "updatedAt", "venue", "visibility" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE UNIQUE INDEX "Meeting_slug_key" ON "Meeting"("slug");
CREATE INDEX "Meeting_status_startsAt_idx" ON "Meeting"("status", "startsAt");
CREATE INDEX "Meeting_status_endsAt_idx" ON "Meeting"("status", "endsAt");
CREATE INDEX "Meeting_seriesId_startsAt_idx" ON "Meeting"("seriesId", "startsAt");
CREATE INDEX "Meeting_startsAt_endsAt_id_idx" ON "Meeting"("startsAt", "endsAt", "id");
CREATE INDEX "Meeting_hasRecommendations_startsAt_idx" ON "Meeting"("hasRecommendations", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Kept by the database (decision 092): a meeting has recommendations once one is made or reviewed there,
-- and no longer when the last one is deleted or moved elsewhere. Each trigger writes the meeting only when
-- the flag changes. The app never writes it.

CREATE TRIGGER "Meeting_hasRecommendations_made" AFTER INSERT ON "Recommendation"
BEGIN
    UPDATE "Meeting" SET "hasRecommendations" = 1 WHERE "id" = NEW."meetingId" AND "hasRecommendations" = 0;
END;

CREATE TRIGGER "Meeting_hasRecommendations_made_moved" AFTER UPDATE OF "meetingId" ON "Recommendation"
WHEN OLD."meetingId" IS NOT NEW."meetingId"
BEGIN
    UPDATE "Meeting" SET "hasRecommendations" = 1 WHERE "id" = NEW."meetingId" AND "hasRecommendations" = 0;
    UPDATE "Meeting" SET "hasRecommendations" = 0 WHERE "id" = OLD."meetingId" AND "hasRecommendations" = 1
        AND NOT EXISTS (SELECT 1 FROM "Recommendation" WHERE "meetingId" = OLD."meetingId") AND NOT EXISTS (SELECT 1 FROM "RecommendationReview" WHERE "meetingId" = OLD."meetingId");
END;

CREATE TRIGGER "Meeting_hasRecommendations_made_deleted" AFTER DELETE ON "Recommendation"
BEGIN
    UPDATE "Meeting" SET "hasRecommendations" = 0 WHERE "id" = OLD."meetingId" AND "hasRecommendations" = 1
        AND NOT EXISTS (SELECT 1 FROM "Recommendation" WHERE "meetingId" = OLD."meetingId") AND NOT EXISTS (SELECT 1 FROM "RecommendationReview" WHERE "meetingId" = OLD."meetingId");
END;

CREATE TRIGGER "Meeting_hasRecommendations_reviewed" AFTER INSERT ON "RecommendationReview"
BEGIN
    UPDATE "Meeting" SET "hasRecommendations" = 1 WHERE "id" = NEW."meetingId" AND "hasRecommendations" = 0;
END;

CREATE TRIGGER "Meeting_hasRecommendations_reviewed_moved" AFTER UPDATE OF "meetingId" ON "RecommendationReview"
WHEN OLD."meetingId" IS NOT NEW."meetingId"
BEGIN
    UPDATE "Meeting" SET "hasRecommendations" = 1 WHERE "id" = NEW."meetingId" AND "hasRecommendations" = 0;
    UPDATE "Meeting" SET "hasRecommendations" = 0 WHERE "id" = OLD."meetingId" AND "hasRecommendations" = 1
        AND NOT EXISTS (SELECT 1 FROM "Recommendation" WHERE "meetingId" = OLD."meetingId") AND NOT EXISTS (SELECT 1 FROM "RecommendationReview" WHERE "meetingId" = OLD."meetingId");
END;

CREATE TRIGGER "Meeting_hasRecommendations_reviewed_deleted" AFTER DELETE ON "RecommendationReview"
BEGIN
    UPDATE "Meeting" SET "hasRecommendations" = 0 WHERE "id" = OLD."meetingId" AND "hasRecommendations" = 1
        AND NOT EXISTS (SELECT 1 FROM "Recommendation" WHERE "meetingId" = OLD."meetingId") AND NOT EXISTS (SELECT 1 FROM "RecommendationReview" WHERE "meetingId" = OLD."meetingId");
END;

-- The meetings already there.
UPDATE "Meeting" SET "hasRecommendations" = 1
WHERE EXISTS (SELECT 1 FROM "Recommendation" r WHERE r."meetingId" = "Meeting"."id")
   OR EXISTS (SELECT 1 FROM "RecommendationReview" v WHERE v."meetingId" = "Meeting"."id");
