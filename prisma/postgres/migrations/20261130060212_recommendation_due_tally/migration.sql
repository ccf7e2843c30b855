-- CreateTable
CREATE TABLE "RecommendationDueTally" (
    "id" SERIAL NOT NULL,
    "status" "RecommendationStatus" NOT NULL,
    "dueMonth" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "RecommendationDueTally_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecommendationDueTally_status_dueMonth_delta_idx" ON "RecommendationDueTally"("status", "dueMonth", "delta");

-- CreateIndex
CREATE INDEX "RecommendationTally_leadAgencyId_status_delta_idx" ON "RecommendationTally"("leadAgencyId", "status", "delta");


-- Kept by the database (decision 101), as RecommendationTally is (092): +1 for a new recommendation with a due
-- date, -1 for a deleted one, and -1 and +1 when its status or due date changes. The month is the month of the
-- due date as stored (UTC). The app only reads and folds these rows; writers only insert here.
CREATE FUNCTION "recommendation_due_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP = 'UPDATE' OR TG_OP = 'DELETE') AND OLD."dueDate" IS NOT NULL THEN
        INSERT INTO "RecommendationDueTally" ("status", "dueMonth", "delta") VALUES (OLD."status", to_char(OLD."dueDate", 'YYYY-MM'), -1);
    END IF;
    IF (TG_OP = 'UPDATE' OR TG_OP = 'INSERT') AND NEW."dueDate" IS NOT NULL THEN
        INSERT INTO "RecommendationDueTally" ("status", "dueMonth", "delta") VALUES (NEW."status", to_char(NEW."dueDate", 'YYYY-MM'), 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "RecommendationDueTally_insert_delete" AFTER INSERT OR DELETE ON "Recommendation"
FOR EACH ROW EXECUTE FUNCTION "recommendation_due_tally"();

CREATE TRIGGER "RecommendationDueTally_update" AFTER UPDATE OF "status", "dueDate" ON "Recommendation"
FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."dueDate" IS DISTINCT FROM NEW."dueDate")
EXECUTE FUNCTION "recommendation_due_tally"();

-- A TRUNCATE fires no row trigger: the tally is emptied with it.
CREATE FUNCTION "recommendation_due_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "RecommendationDueTally";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "RecommendationDueTally_truncate" AFTER TRUNCATE ON "Recommendation"
FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_due_tally_truncate"();

-- The recommendations already there.
INSERT INTO "RecommendationDueTally" ("status", "dueMonth", "delta")
SELECT "status", to_char("dueDate", 'YYYY-MM'), COUNT(*) FROM "Recommendation" WHERE "dueDate" IS NOT NULL GROUP BY 1, 2;
