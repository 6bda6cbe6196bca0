-- The account list filters by the administrator's scope and orders by username in the database
-- (issue 19, point 4): this index finds a municipality's or unit's accounts without reading the
-- country's.
CREATE INDEX idn_user_scope ON idn_user (scope_type, scope_code, username);
