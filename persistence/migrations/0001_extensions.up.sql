-- Extensions Proper relies on. Both are "trusted" since PostgreSQL 13, so the
-- owner of the database can create them without being a superuser.
-- citext: case-insensitive text for e-mail addresses and codes.
-- pg_trgm: trigram indexes for searching people and projects by name.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
