-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "hasRecommendations" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Meeting_hasRecommendations_startsAt_idx" ON "Meeting"("hasRecommendations", "startsAt");


-- Kept by the database (decision 092): a meeting has recommendations once one is made or reviewed there,
-- and no longer when the last one is deleted or moved elsewhere. Each change writes (and so locks) the
-- meeting only when its flag changes: the first recommendation of a meeting, or its last one going. The app
-- never writes it.
CREATE FUNCTION "meeting_has_recommendations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD."meetingId" IS DISTINCT FROM NEW."meetingId") THEN
        UPDATE "Meeting" SET "hasRecommendations" = true WHERE "id" = NEW."meetingId" AND NOT "hasRecommendations";
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."meetingId" IS DISTINCT FROM NEW."meetingId") THEN
        UPDATE "Meeting" SET "hasRecommendations" = false WHERE "id" = OLD."meetingId" AND "hasRecommendations"
            AND NOT EXISTS (SELECT 1 FROM "Recommendation" WHERE "meetingId" = OLD."meetingId")
            AND NOT EXISTS (SELECT 1 FROM "RecommendationReview" WHERE "meetingId" = OLD."meetingId");
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Meeting_hasRecommendations_made" AFTER INSERT OR DELETE OR UPDATE OF "meetingId" ON "Recommendation"
FOR EACH ROW EXECUTE FUNCTION "meeting_has_recommendations"();

CREATE TRIGGER "Meeting_hasRecommendations_reviewed" AFTER INSERT OR DELETE OR UPDATE OF "meetingId" ON "RecommendationReview"
FOR EACH ROW EXECUTE FUNCTION "meeting_has_recommendations"();

-- The meetings already there.
UPDATE "Meeting" SET "hasRecommendations" = true
WHERE EXISTS (SELECT 1 FROM "Recommendation" r WHERE r."meetingId" = "Meeting"."id")
   OR EXISTS (SELECT 1 FROM "RecommendationReview" v WHERE v."meetingId" = "Meeting"."id");
