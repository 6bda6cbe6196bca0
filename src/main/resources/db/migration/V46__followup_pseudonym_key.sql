-- Follow-up: the fingerprint of the pseudonym key the data was pseudonymised with, never the key.
-- HMAC-SHA256(key, 'samsyn pseudonym key fingerprint') in hex; one row at most (id is always 1).
-- A start with another key is refused, since one person would otherwise become two clients.
CREATE TABLE fup_pseudonym_key (
    id           SMALLINT    NOT NULL PRIMARY KEY,
    fingerprint  VARCHAR(64) NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fup_pseudonym_key_single CHECK (id = 1)
);
