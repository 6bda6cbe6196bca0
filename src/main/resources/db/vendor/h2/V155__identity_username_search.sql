-- The same version as PostgreSQL's trigram index for the account list's username search
-- (db/vendor/postgresql). H2 has no trigram index: the embedded default, for one municipality or a
-- demo, searches the scope's accounts as before.
SELECT 1;
