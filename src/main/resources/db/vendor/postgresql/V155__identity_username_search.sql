-- The account list's username search (part of a name, any case: LOWER(username) LIKE '%…%') reads
-- a trigram index instead of every account in the administrator's scope (issue 19, point 4): the
-- time follows the accounts that match, not the number of accounts. pg_trgm ships with PostgreSQL
-- and is a trusted extension (PostgreSQL 13 and later): the database's owner may create it.
-- Searches of one or two characters have no trigram and still read the scope.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX idn_user_username_trgm ON idn_user USING gin (LOWER(username) gin_trgm_ops);
