-- The participants table's search reads one column instead of four (decision 102). The database keeps it: name,
-- email, normalised email and job title, one per line, set by the trigger below before every insert and every
-- update of those columns, whichever statement makes it (Prisma, raw SQL, the seed). The app never writes it.
-- Collated "C" like the columns it is made of (decision 060): ILIKE then folds ASCII letters only, as SQLite's
-- LIKE does.
ALTER TABLE "Registration" ADD COLUMN "searchText" TEXT COLLATE "C" NOT NULL DEFAULT '';

CREATE FUNCTION "registration_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."searchText" := NEW."name" || E'\n' || NEW."email" || E'\n' || NEW."emailNormalised" || E'\n' || NEW."jobTitle";
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Registration_searchText" BEFORE INSERT OR UPDATE OF "name", "email", "emailNormalised", "jobTitle", "searchText" ON "Registration"
FOR EACH ROW EXECUTE FUNCTION "registration_search_text"();

UPDATE "Registration" SET "searchText" = "name" || E'\n' || "email" || E'\n' || "emailNormalised" || E'\n' || "jobTitle";

-- The search's count reads this index alone; the table in name order reads the search text from its index
-- before it reads a row. They replace the index of the four searched columns and the name order's index.
DROP INDEX "Registration_meetingId_name_email_emailNormalised_jobTitle__idx";
DROP INDEX "Registration_meetingId_sortName_idx";
CREATE INDEX "Registration_meetingId_sortName_searchText_idx" ON "Registration"("meetingId", "sortName", "searchText");
CREATE INDEX "Registration_meetingId_searchText_id_idx" ON "Registration"("meetingId", "searchText", "id");
