-- DropIndex
DROP INDEX "Meeting_startsAt_idx";

-- CreateIndex
CREATE INDEX "Meeting_startsAt_endsAt_id_idx" ON "Meeting"("startsAt", "endsAt", "id");

-- CreateIndex
CREATE INDEX "Registration_meetingId_status_role_agencyId_idx" ON "Registration"("meetingId", "status", "role", "agencyId");

-- CreateIndex
CREATE INDEX "Registration_meetingId_name_email_emailNormalised_jobTitle__idx" ON "Registration"("meetingId", "name", "email", "emailNormalised", "jobTitle", "id");

