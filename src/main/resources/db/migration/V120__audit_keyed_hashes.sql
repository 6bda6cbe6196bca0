-- Issue 12 point 6: the audit trail's hashes become keyed (HMAC-SHA256 with a key kept outside the
-- database). Every row says which algorithm made its hash: rows written before this migration keep
-- their plain SHA-256 ('sha256') and stay verifiable; new rows are 'hmac-sha256'. Verification refuses
-- a plain row after a keyed one, so a rewrite cannot fall back to the unkeyed algorithm (ADR 5).
ALTER TABLE aud_event ADD COLUMN hash_algorithm VARCHAR(16) DEFAULT 'sha256' NOT NULL;
-- The first keyed row's sequence number, set with the first row written after this migration, and
-- its HMAC under the audit key: from that row on every row must be keyed, and the marker itself
-- cannot be moved or forged without the key.
ALTER TABLE aud_chain_head ADD COLUMN keyed_from BIGINT;
ALTER TABLE aud_chain_head ADD COLUMN keyed_from_mac VARCHAR(64);
