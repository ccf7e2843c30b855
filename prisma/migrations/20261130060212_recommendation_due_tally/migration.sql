-- CreateTable
CREATE TABLE "RecommendationDueTally" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "status" TEXT NOT NULL,
    "dueMonth" TEXT NOT NULL,
    "delta" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "RecommendationDueTally_status_dueMonth_delta_idx" ON "RecommendationDueTally"("status", "dueMonth", "delta");

-- CreateIndex
CREATE INDEX "RecommendationTally_leadAgencyId_status_delta_idx" ON "RecommendationTally"("leadAgencyId", "status", "delta");


-- Kept by the database (decision 101), as RecommendationTally is (092): +1 for a new recommendation with a due
-- date, -1 for a deleted one, and -1 and +1 when its status or due date changes. The month is the UTC month of
-- the due date. The app only reads and folds these rows.
CREATE TRIGGER "RecommendationDueTally_insert" AFTER INSERT ON "Recommendation"
WHEN NEW."dueDate" IS NOT NULL
BEGIN
    INSERT INTO "RecommendationDueTally" ("status", "dueMonth", "delta") VALUES (NEW."status", strftime('%Y-%m', NEW."dueDate"), 1);
END;

CREATE TRIGGER "RecommendationDueTally_delete" AFTER DELETE ON "Recommendation"
WHEN OLD."dueDate" IS NOT NULL
BEGIN
    INSERT INTO "RecommendationDueTally" ("status", "dueMonth", "delta") VALUES (OLD."status", strftime('%Y-%m', OLD."dueDate"), -1);
END;

CREATE TRIGGER "RecommendationDueTally_update" AFTER UPDATE OF "status", "dueDate" ON "Recommendation"
WHEN OLD."status" IS NOT NEW."status" OR OLD."dueDate" IS NOT NEW."dueDate"
BEGIN
    INSERT INTO "RecommendationDueTally" ("status", "dueMonth", "delta")
    SELECT OLD."status", strftime('%Y-%m', OLD."dueDate"), -1 WHERE OLD."dueDate" IS NOT NULL
    UNION ALL
    SELECT NEW."status", strftime('%Y-%m', NEW."dueDate"), 1 WHERE NEW."dueDate" IS NOT NULL;
END;

-- The recommendations already there.
INSERT INTO "RecommendationDueTally" ("status", "dueMonth", "delta")
SELECT "status", strftime('%Y-%m', "dueDate"), COUNT(*) FROM "Recommendation" WHERE "dueDate" IS NOT NULL GROUP BY 1, 2;
