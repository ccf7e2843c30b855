-- CreateTable
CREATE TABLE "RecommendationTally" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "leadAgencyId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "delta" INTEGER NOT NULL
);


-- Kept by the database (decision 092): one row of +1 for a new recommendation, -1 for a deleted one, and
-- -1 and +1 when its lead agency or status changes. The app only reads and folds these rows.
CREATE TRIGGER "RecommendationTally_insert" AFTER INSERT ON "Recommendation"
BEGIN
    INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta") VALUES (NEW."leadAgencyId", NEW."status", 1);
END;

CREATE TRIGGER "RecommendationTally_delete" AFTER DELETE ON "Recommendation"
BEGIN
    INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta") VALUES (OLD."leadAgencyId", OLD."status", -1);
END;

CREATE TRIGGER "RecommendationTally_update" AFTER UPDATE OF "leadAgencyId", "status" ON "Recommendation"
WHEN OLD."leadAgencyId" IS NOT NEW."leadAgencyId" OR OLD."status" IS NOT NEW."status"
BEGIN
    INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta") VALUES (OLD."leadAgencyId", OLD."status", -1), (NEW."leadAgencyId", NEW."status", 1);
END;

-- The recommendations already there.
INSERT INTO "RecommendationTally" ("leadAgencyId", "status", "delta")
SELECT "leadAgencyId", "status", COUNT(*) FROM "Recommendation" GROUP BY "leadAgencyId", "status";
