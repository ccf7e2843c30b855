-- DropIndex
DROP INDEX "ProgressUpdate_state_idx";

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_createdAt_idx" ON "AuditLog"("entity", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressUpdate_state_createdAt_idx" ON "ProgressUpdate"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Recommendation_dueDate_idx" ON "Recommendation"("dueDate");

-- CreateIndex
CREATE INDEX "Registration_meetingId_createdAt_idx" ON "Registration"("meetingId", "createdAt");

