-- DropIndex
DROP INDEX "Recommendation_meetingId_idx";

-- DropIndex
DROP INDEX "Registration_meetingId_agencyId_idx";

-- CreateIndex
CREATE INDEX "Recommendation_meetingId_code_idx" ON "Recommendation"("meetingId", "code");

-- CreateIndex
CREATE INDEX "Registration_meetingId_agencyId_status_idx" ON "Registration"("meetingId", "agencyId", "status");

