-- Cluster: a one-row heartbeat that the readiness check writes, to prove that the database
-- accepts writes (a database that can be read but not written is not ready).
CREATE TABLE cls_heartbeat (
    id       SMALLINT     NOT NULL,
    beat_at  TIMESTAMP    NOT NULL,
    CONSTRAINT cls_heartbeat_pk PRIMARY KEY (id)
);

INSERT INTO cls_heartbeat (id, beat_at) VALUES (1, CURRENT_TIMESTAMP);
