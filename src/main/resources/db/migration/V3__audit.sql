-- Audit: an append-only trail. Each event stores the hash of the previous event, and its own
-- hash over its content and that previous hash, so that an edited, inserted or deleted row
-- breaks the chain. aud_chain_head holds the last sequence number and hash; appending locks it,
-- which serialises writers on every database.
CREATE TABLE aud_event (
    seq               BIGINT       NOT NULL PRIMARY KEY,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor             VARCHAR(64)  NOT NULL,
    actor_role        VARCHAR(40),
    actor_scope_type  VARCHAR(20),
    actor_scope_code  VARCHAR(40),
    action            VARCHAR(60)  NOT NULL,
    category          VARCHAR(20)  NOT NULL,
    object_type       VARCHAR(60),
    object_id         VARCHAR(100),
    municipality_code VARCHAR(4),
    county_code       VARCHAR(2),
    unit_code         VARCHAR(40),
    outcome           VARCHAR(20)  NOT NULL,
    details           VARCHAR(2000),
    client_address    VARCHAR(64),
    previous_hash     VARCHAR(64)  NOT NULL,
    hash              VARCHAR(64)  NOT NULL
);
CREATE INDEX aud_event_time ON aud_event (occurred_at);
CREATE INDEX aud_event_actor ON aud_event (actor);
CREATE INDEX aud_event_municipality ON aud_event (municipality_code);

CREATE TABLE aud_chain_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO aud_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
