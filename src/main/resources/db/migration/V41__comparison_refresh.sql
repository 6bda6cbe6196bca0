-- Comparison: pending refresh work that survives a failure (ADR 9).

-- Refresh work asked for and not yet done: removed in the same transaction as the refresh, so a
-- refresh that fails leaves its work pending for the next attempt.
CREATE TABLE cmp_refresh_pending (
    scope        VARCHAR(64) NOT NULL,
    requested_at TIMESTAMP   NOT NULL,
    CONSTRAINT cmp_refresh_pending_pk PRIMARY KEY (scope)
);

-- How far the refresh running now (on any instance) has come, written outside its transaction so
-- that a second request can answer with it instead of waiting or failing.
CREATE TABLE cmp_refresh_progress (
    name       VARCHAR(32)  NOT NULL,
    done       INT          NOT NULL,
    total      INT          NOT NULL,
    started_at TIMESTAMP    NOT NULL,
    updated_at TIMESTAMP    NOT NULL,
    started_by VARCHAR(100) NOT NULL,
    CONSTRAINT cmp_refresh_progress_pk PRIMARY KEY (name)
);
