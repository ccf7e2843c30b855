-- Written by hand from Prisma's draft, which dropped and re-added every changed column (losing its
-- data). Here each column changes type in place: existing rows convert with USING and PostgreSQL
-- rebuilds the indexes on them. A value outside an enum stops the migration instead of being lost.
-- No semicolon may appear inside a statement or a comment: @prisma/adapter-pg runs a migration
-- statement by statement, split at every semicolon (so no transaction block and no PL/pgSQL either).
-- docs/decisions/062-enums-json-sort-keys.md

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('EU_AGENCY', 'EU_INSTITUTION', 'INTERNATIONAL_ORGANISATION', 'NATIONAL_AUTHORITY', 'NGO', 'OTHER', 'UN_AGENCY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('FOCAL_POINT', 'ORGANISER', 'PARTICIPANT', 'SECRETARIAT');

-- CreateEnum
CREATE TYPE "MeetingFormat" AS ENUM ('HYBRID', 'IN_PERSON', 'ONLINE');

-- CreateEnum
CREATE TYPE "MeetingVisibility" AS ENUM ('INVITATION', 'PUBLIC');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('ARCHIVED', 'CANCELLED', 'DRAFT', 'HELD', 'PUBLISHED', 'REGISTRATION_CLOSED');

-- CreateEnum
CREATE TYPE "ApprovalMode" AS ENUM ('APPROVAL', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "AgendaItemKind" AS ENUM ('BREAK', 'OTHER', 'PANEL', 'PLENARY', 'SESSION');

-- CreateEnum
CREATE TYPE "AgendaPersonRole" AS ENUM ('MODERATOR', 'SPEAKER');

-- CreateEnum
CREATE TYPE "RegistrationRole" AS ENUM ('DELEGATE', 'OBSERVER', 'ORGANISER', 'RAPPORTEUR', 'SPEAKER');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('CANCELLED', 'CONFIRMED', 'DECLINED', 'PENDING', 'WAITLISTED');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('ATTENDED', 'NONE', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('ADOPTED', 'IMPLEMENTED', 'IN_PROGRESS', 'NOT_ADOPTED', 'NOT_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'PROPOSED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('HIGH', 'LOW', 'MEDIUM');

-- CreateEnum
CREATE TYPE "ProgressState" AS ENUM ('ACCEPTED', 'RETURNED', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('CANCELLED', 'DRAFT', 'FAILED', 'QUEUED', 'SENDING', 'SENT');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('DRAFT', 'QUEUED', 'SENT');

-- Enum columns: text -> enum in place. A default must be dropped before the type changes.
ALTER TABLE "Agency" ALTER COLUMN "kind" SET DATA TYPE "AgencyKind" USING "kind"::"AgencyKind";
ALTER TABLE "AgendaItem" ALTER COLUMN "kind" DROP DEFAULT, ALTER COLUMN "kind" SET DATA TYPE "AgendaItemKind" USING "kind"::"AgendaItemKind", ALTER COLUMN "kind" SET DEFAULT 'SESSION';
ALTER TABLE "AgendaPerson" ALTER COLUMN "role" DROP DEFAULT, ALTER COLUMN "role" SET DATA TYPE "AgendaPersonRole" USING "role"::"AgendaPersonRole", ALTER COLUMN "role" SET DEFAULT 'SPEAKER';
ALTER TABLE "FollowUp" ALTER COLUMN "status" DROP DEFAULT, ALTER COLUMN "status" SET DATA TYPE "FollowUpStatus" USING "status"::"FollowUpStatus", ALTER COLUMN "status" SET DEFAULT 'DRAFT';
ALTER TABLE "Meeting" ALTER COLUMN "format" DROP DEFAULT, ALTER COLUMN "format" SET DATA TYPE "MeetingFormat" USING "format"::"MeetingFormat", ALTER COLUMN "format" SET DEFAULT 'IN_PERSON';
ALTER TABLE "Meeting" ALTER COLUMN "visibility" DROP DEFAULT, ALTER COLUMN "visibility" SET DATA TYPE "MeetingVisibility" USING "visibility"::"MeetingVisibility", ALTER COLUMN "visibility" SET DEFAULT 'PUBLIC';
ALTER TABLE "Meeting" ALTER COLUMN "status" DROP DEFAULT, ALTER COLUMN "status" SET DATA TYPE "MeetingStatus" USING "status"::"MeetingStatus", ALTER COLUMN "status" SET DEFAULT 'DRAFT';
ALTER TABLE "Meeting" ALTER COLUMN "approvalMode" DROP DEFAULT, ALTER COLUMN "approvalMode" SET DATA TYPE "ApprovalMode" USING "approvalMode"::"ApprovalMode", ALTER COLUMN "approvalMode" SET DEFAULT 'AUTOMATIC';
ALTER TABLE "OutboxMessage" ALTER COLUMN "status" DROP DEFAULT, ALTER COLUMN "status" SET DATA TYPE "OutboxStatus" USING "status"::"OutboxStatus", ALTER COLUMN "status" SET DEFAULT 'QUEUED';
ALTER TABLE "ProgressUpdate" ALTER COLUMN "newStatus" SET DATA TYPE "RecommendationStatus" USING "newStatus"::"RecommendationStatus";
ALTER TABLE "ProgressUpdate" ALTER COLUMN "state" DROP DEFAULT, ALTER COLUMN "state" SET DATA TYPE "ProgressState" USING "state"::"ProgressState", ALTER COLUMN "state" SET DEFAULT 'SUBMITTED';
ALTER TABLE "Recommendation" ALTER COLUMN "priority" DROP DEFAULT, ALTER COLUMN "priority" SET DATA TYPE "Priority" USING "priority"::"Priority", ALTER COLUMN "priority" SET DEFAULT 'MEDIUM';
ALTER TABLE "Recommendation" ALTER COLUMN "status" DROP DEFAULT, ALTER COLUMN "status" SET DATA TYPE "RecommendationStatus" USING "status"::"RecommendationStatus", ALTER COLUMN "status" SET DEFAULT 'PROPOSED';
ALTER TABLE "RecommendationStatusChange" ALTER COLUMN "fromStatus" SET DATA TYPE "RecommendationStatus" USING "fromStatus"::"RecommendationStatus";
ALTER TABLE "RecommendationStatusChange" ALTER COLUMN "toStatus" SET DATA TYPE "RecommendationStatus" USING "toStatus"::"RecommendationStatus";
ALTER TABLE "Registration" ALTER COLUMN "role" DROP DEFAULT, ALTER COLUMN "role" SET DATA TYPE "RegistrationRole" USING "role"::"RegistrationRole", ALTER COLUMN "role" SET DEFAULT 'DELEGATE';
ALTER TABLE "Registration" ALTER COLUMN "status" DROP DEFAULT, ALTER COLUMN "status" SET DATA TYPE "RegistrationStatus" USING "status"::"RegistrationStatus", ALTER COLUMN "status" SET DEFAULT 'PENDING';
ALTER TABLE "Registration" ALTER COLUMN "attendance" DROP DEFAULT, ALTER COLUMN "attendance" SET DATA TYPE "Attendance" USING "attendance"::"Attendance", ALTER COLUMN "attendance" SET DEFAULT 'NONE';
ALTER TABLE "RegistrationEvent" ALTER COLUMN "fromStatus" SET DATA TYPE "RegistrationStatus" USING "fromStatus"::"RegistrationStatus";
ALTER TABLE "RegistrationEvent" ALTER COLUMN "toStatus" SET DATA TYPE "RegistrationStatus" USING "toStatus"::"RegistrationStatus";
ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT, ALTER COLUMN "role" SET DATA TYPE "Role" USING "role"::"Role", ALTER COLUMN "role" SET DEFAULT 'PARTICIPANT';

-- JSON columns: text -> jsonb in place. Every value was written by JSON.stringify, so it casts. An
-- empty value becomes the column's empty value (NULL, or {} where the column is required), and text
-- that cannot start a JSON value is kept as a JSON string. Malformed JSON stops the migration.
ALTER TABLE "AuditLog"
  ALTER COLUMN "before" SET DATA TYPE JSONB USING (CASE WHEN btrim(coalesce("before", '')) = '' THEN NULL WHEN "before" ~ '^\s*([{\["0-9-]|true|false|null)' THEN "before"::jsonb ELSE to_jsonb("before") END),
  ALTER COLUMN "after" SET DATA TYPE JSONB USING (CASE WHEN btrim(coalesce("after", '')) = '' THEN NULL WHEN "after" ~ '^\s*([{\["0-9-]|true|false|null)' THEN "after"::jsonb ELSE to_jsonb("after") END);
ALTER TABLE "FollowUp" ALTER COLUMN "recipients" DROP DEFAULT,
  ALTER COLUMN "recipients" SET DATA TYPE JSONB USING (CASE WHEN btrim("recipients") = '' THEN '{}'::jsonb WHEN "recipients" ~ '^\s*([{\["0-9-]|true|false|null)' THEN "recipients"::jsonb ELSE to_jsonb("recipients") END),
  ALTER COLUMN "recipients" SET DEFAULT '{}';
ALTER TABLE "OutboxMessage" ALTER COLUMN "headers" DROP DEFAULT,
  ALTER COLUMN "headers" SET DATA TYPE JSONB USING (CASE WHEN btrim("headers") = '' THEN '{}'::jsonb WHEN "headers" ~ '^\s*([{\["0-9-]|true|false|null)' THEN "headers"::jsonb ELSE to_jsonb("headers") END),
  ALTER COLUMN "headers" SET DEFAULT '{}';

-- Sort keys, compared byte by byte (collation C) as SQLite does. lower() is a first approximation:
-- `tsx scripts/db.ts deploy` then writes sortKey(name) (app/utils/sort-key.ts) into every row whose
-- key differs, which SQL cannot compute alike on both databases.
ALTER TABLE "Agency" ADD COLUMN "sortName" TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE "AgendaPerson" ADD COLUMN "sortName" TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE "Registration" ADD COLUMN "sortName" TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE "Agency" SET "sortName" = lower("name");
UPDATE "AgendaPerson" SET "sortName" = lower("name");
UPDATE "Registration" SET "sortName" = lower("name");
CREATE INDEX "Agency_sortName_idx" ON "Agency"("sortName");
CREATE INDEX "Registration_meetingId_sortName_idx" ON "Registration"("meetingId", "sortName");
