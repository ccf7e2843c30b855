-- CreateTable
CREATE TABLE "PublicGeneration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "value" INTEGER NOT NULL DEFAULT 0
);


-- The one row every instance reads (decision 093).
INSERT INTO "PublicGeneration" ("id", "value") VALUES (1, 0);
