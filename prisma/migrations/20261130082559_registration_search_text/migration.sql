-- The participants table's search reads one column instead of four (decision 102). The database keeps it: name,
-- email, normalised email and job title, one per line, written by the triggers below on every insert and on
-- every update of those columns, whichever statement makes it (Prisma, raw SQL, the seed). The app never writes
-- it. SQLite's recursive triggers are off, and each trigger only writes when the text differs.
ALTER TABLE "Registration" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

UPDATE "Registration" SET "searchText" = "name" || char(10) || "email" || char(10) || "emailNormalised" || char(10) || "jobTitle";

CREATE TRIGGER "Registration_searchText_insert" AFTER INSERT ON "Registration"
WHEN NEW."searchText" IS NOT NEW."name" || char(10) || NEW."email" || char(10) || NEW."emailNormalised" || char(10) || NEW."jobTitle"
BEGIN
    UPDATE "Registration" SET "searchText" = NEW."name" || char(10) || NEW."email" || char(10) || NEW."emailNormalised" || char(10) || NEW."jobTitle"
    WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER "Registration_searchText_update" AFTER UPDATE OF "name", "email", "emailNormalised", "jobTitle", "searchText" ON "Registration"
WHEN NEW."searchText" IS NOT NEW."name" || char(10) || NEW."email" || char(10) || NEW."emailNormalised" || char(10) || NEW."jobTitle"
BEGIN
    UPDATE "Registration" SET "searchText" = NEW."name" || char(10) || NEW."email" || char(10) || NEW."emailNormalised" || char(10) || NEW."jobTitle"
    WHERE rowid = NEW.rowid;
END;

-- The search's count reads this index alone; the table in name order reads the search text from its index
-- before it reads a row. They replace the index of the four searched columns and the name order's index.
DROP INDEX "Registration_meetingId_name_email_emailNormalised_jobTitle_id_idx";
DROP INDEX "Registration_meetingId_sortName_idx";
CREATE INDEX "Registration_meetingId_sortName_searchText_idx" ON "Registration"("meetingId", "sortName", "searchText");
CREATE INDEX "Registration_meetingId_searchText_id_idx" ON "Registration"("meetingId", "searchText", "id");
