-- People are listed by their name without titles and degrees
-- (domain.SortName); the migration's Go step fills it for every account.
ALTER TABLE users ADD COLUMN sort_name text NOT NULL DEFAULT '';
