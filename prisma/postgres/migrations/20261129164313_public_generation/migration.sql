-- CreateTable
CREATE TABLE "PublicGeneration" (
    "id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PublicGeneration_pkey" PRIMARY KEY ("id")
);


-- The one row every instance reads (decision 093).
INSERT INTO "PublicGeneration" ("id", "value") VALUES (1, 0);
