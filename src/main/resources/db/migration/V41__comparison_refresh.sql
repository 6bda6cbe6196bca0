-- Comparison: pending refresh work that survives a failure (ADR 9).

-- Refresh work asked for and not yet done: removed in the same transaction as the refresh, so a
-- refresh that fails leaves its work pending for the next attempt.
CREATE TABLE cmp_refresh_pending (
    scope        VARCHAR(64) NOT NULL,
    requested_at TIMESTAMP   NOT NULL,
    CONSTRAINT cmp_refresh_pending_pk PRIMARY KEY (scope)
);
