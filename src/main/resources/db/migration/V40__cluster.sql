-- Cluster: what several Samsyn instances on one database share (ADR 9).

-- Cluster-wide locks (ShedLock's JDBC provider; times are the database's own clock).
CREATE TABLE cls_lock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT cls_lock_pk PRIMARY KEY (name)
);

-- Transaction locks: a row per name, locked with SELECT ... FOR UPDATE by the transactions that must
-- not interleave (refreshes of stored results, reference-data loads); held until commit or rollback.
CREATE TABLE cls_row_lock (
    name VARCHAR(64) NOT NULL,
    CONSTRAINT cls_row_lock_pk PRIMARY KEY (name)
);

-- Change signals: a generation per topic, raised in the transaction that changes the data, read by
-- every instance to empty its caches or rebuild its search index.
CREATE TABLE cls_signal (
    topic      VARCHAR(64) NOT NULL,
    generation BIGINT      NOT NULL,
    raised_at  TIMESTAMP   NOT NULL,
    CONSTRAINT cls_signal_pk PRIMARY KEY (topic)
);

-- Sessions (Spring Session JDBC, table name set by spring.session.jdbc.table-name).
CREATE TABLE cls_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT cls_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX cls_session_id ON cls_session (session_id);
CREATE INDEX cls_session_expiry ON cls_session (expiry_time);
CREATE INDEX cls_session_principal ON cls_session (principal_name);

CREATE TABLE cls_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT cls_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT cls_session_attributes_session FOREIGN KEY (session_primary_id)
        REFERENCES cls_session (primary_id) ON DELETE CASCADE
);

-- Event publications (Spring Modulith's JDBC registry, its v2 layout; the name is the library's).
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR(4000)            NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    CONSTRAINT event_publication_pk PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id, serialized_event);
CREATE INDEX event_publication_by_completion ON event_publication (completion_date);
