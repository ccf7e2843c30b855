-- References that now become foreign keys: clear the ones whose row is gone (a deleted user,
-- invitation or progress link) so the constraints hold for existing data.
UPDATE "RegistrationEvent" SET "userId" = NULL WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
UPDATE "RecommendationStatusChange" SET "userId" = NULL WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
UPDATE "Registration" SET "invitationId" = NULL WHERE "invitationId" IS NOT NULL AND "invitationId" NOT IN (SELECT "id" FROM "Invitation");
UPDATE "ProgressUpdate" SET "progressLinkId" = NULL WHERE "progressLinkId" IS NOT NULL AND "progressLinkId" NOT IN (SELECT "id" FROM "ProgressLink");

-- DropIndex
DROP INDEX "Invitation_meetingId_idx";

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
CREATE INDEX "ProgressUpdate_authorId_idx" ON "ProgressUpdate"("authorId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_agencyId_idx" ON "ProgressUpdate"("agencyId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_reviewedById_idx" ON "ProgressUpdate"("reviewedById");

-- CreateIndex
CREATE INDEX "ProgressUpdate_progressLinkId_idx" ON "ProgressUpdate"("progressLinkId");

-- CreateIndex
CREATE INDEX "Recommendation_agendaItemId_idx" ON "Recommendation"("agendaItemId");

-- CreateIndex
CREATE INDEX "Recommendation_supersededById_idx" ON "Recommendation"("supersededById");

-- CreateIndex
CREATE INDEX "RecommendationReview_agendaItemId_idx" ON "RecommendationReview"("agendaItemId");

-- CreateIndex
CREATE INDEX "RecommendationStatusChange_userId_idx" ON "RecommendationStatusChange"("userId");

-- CreateIndex
CREATE INDEX "Registration_delegationId_idx" ON "Registration"("delegationId");

-- CreateIndex
CREATE INDEX "Registration_registeredById_idx" ON "Registration"("registeredById");

-- CreateIndex
CREATE INDEX "Registration_invitationId_idx" ON "Registration"("invitationId");

-- CreateIndex
CREATE INDEX "RegistrationEvent_userId_idx" ON "RegistrationEvent"("userId");

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationEvent" ADD CONSTRAINT "RegistrationEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationStatusChange" ADD CONSTRAINT "RecommendationStatusChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_progressLinkId_fkey" FOREIGN KEY ("progressLinkId") REFERENCES "ProgressLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Sorting and case-insensitive search as on SQLite (docs/decisions/060-postgresql.md): the columns
-- that lists sort by or search in compare by code point (collation "C"), whatever the database's
-- default collation, and ILIKE folds ASCII case only, like SQLite's LIKE.
ALTER TABLE "Agency" ALTER COLUMN "name" TYPE TEXT COLLATE "C", ALTER COLUMN "acronym" TYPE TEXT COLLATE "C";
ALTER TABLE "Series" ALTER COLUMN "name" TYPE TEXT COLLATE "C";
ALTER TABLE "Theme" ALTER COLUMN "name" TYPE TEXT COLLATE "C";
ALTER TABLE "AgendaPerson" ALTER COLUMN "name" TYPE TEXT COLLATE "C";
ALTER TABLE "AgendaItem" ALTER COLUMN "title" TYPE TEXT COLLATE "C";
ALTER TABLE "Meeting" ALTER COLUMN "title" TYPE TEXT COLLATE "C", ALTER COLUMN "city" TYPE TEXT COLLATE "C", ALTER COLUMN "slug" TYPE TEXT COLLATE "C";
ALTER TABLE "Registration" ALTER COLUMN "name" TYPE TEXT COLLATE "C", ALTER COLUMN "email" TYPE TEXT COLLATE "C",
  ALTER COLUMN "emailNormalised" TYPE TEXT COLLATE "C", ALTER COLUMN "jobTitle" TYPE TEXT COLLATE "C";
ALTER TABLE "Recommendation" ALTER COLUMN "code" TYPE TEXT COLLATE "C", ALTER COLUMN "title" TYPE TEXT COLLATE "C", ALTER COLUMN "text" TYPE TEXT COLLATE "C";
ALTER TABLE "OutboxMessage" ALTER COLUMN "toEmail" TYPE TEXT COLLATE "C";
