-- CreateTable
CREATE TABLE "RecommendationTally" (
    "id" SERIAL NOT NULL,
    "leadAgencyId" TEXT NOT NULL,
    "status" "RecommendationStatus" NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "RecommendationTally_pkey" PRIMARY KEY ("id")
);


-- Kept by the database (decision 092): one row of +1 for a new recommendation, -1 for a deleted one, and
-- -1 and +1 when its lead agency or status changes. The app only reads and folds these rows. Writers only
-- insert here, so two transactions never wait on each other's tally rows.
CREATE FUNCTION "recommendation_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
        INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta") VALUES (OLD."leadAgencyId", OLD."status", -1);
    END IF;
    IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
        INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta") VALUES (NEW."leadAgencyId", NEW."status", 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "RecommendationTally_insert_delete" AFTER INSERT OR DELETE ON "Recommendation"
FOR EACH ROW EXECUTE FUNCTION "recommendation_tally"();

CREATE TRIGGER "RecommendationTally_update" AFTER UPDATE OF "leadAgencyId", "status" ON "Recommendation"
FOR EACH ROW WHEN (OLD."leadAgencyId" IS DISTINCT FROM NEW."leadAgencyId" OR OLD."status" IS DISTINCT FROM NEW."status")
EXECUTE FUNCTION "recommendation_tally"();

-- A TRUNCATE fires no row trigger: the tally is emptied with it.
CREATE FUNCTION "recommendation_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "RecommendationTally";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "RecommendationTally_truncate" AFTER TRUNCATE ON "Recommendation"
FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_tally_truncate"();

-- The recommendations already there.
INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta")
SELECT "leadAgencyId", "status", COUNT(*) FROM "Recommendation" GROUP BY "leadAgencyId", "status";
