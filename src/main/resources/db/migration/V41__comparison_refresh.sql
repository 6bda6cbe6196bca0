-- Comparison: refreshes serialised across instances and pending work that survives a failure (ADR 9).

-- One row that every transaction writing stored results locks first (SELECT ... FOR UPDATE), so
-- that two refreshes, on one instance or two, never interleave their deletes and inserts.
CREATE TABLE cmp_refresh_lock (
    name VARCHAR(32) NOT NULL,
    CONSTRAINT cmp_refresh_lock_pk PRIMARY KEY (name)
);
INSERT INTO cmp_refresh_lock (name) VALUES ('results');

-- Refresh work asked for and not yet done: removed in the same transaction as the refresh, so a
-- refresh that fails leaves its work pending for the next attempt.
CREATE TABLE cmp_refresh_pending (
    scope        VARCHAR(64) NOT NULL,
    requested_at TIMESTAMP   NOT NULL,
    CONSTRAINT cmp_refresh_pending_pk PRIMARY KEY (scope)
);
