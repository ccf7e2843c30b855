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

-- AlterTable: the language of each row's own text (decision 080); a constant default, so no table is rebuilt
ALTER TABLE "Meeting" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "Theme" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "Recommendation" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "FollowUp" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';

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

