-- CreateIndex
CREATE INDEX "Meeting_status_endsAt_idx" ON "Meeting"("status", "endsAt");

