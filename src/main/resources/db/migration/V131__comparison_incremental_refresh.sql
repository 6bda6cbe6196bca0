-- Comparison: refresh only what changed, and do not recompute at start-up what is current.
--
-- cmp_change_count holds, per median indicator, municipality, year and legal sex, how many clients
-- had each change of score: the median of any area is read from its members' counts, so a change
-- in one municipality does not read the whole country's facts again.
CREATE TABLE cmp_change_count (
    indicator_id      VARCHAR(20) NOT NULL REFERENCES cmp_indicator (id) ON DELETE CASCADE,
    municipality_code VARCHAR(4)  NOT NULL,
    stat_year         INTEGER     NOT NULL,
    legal_sex         VARCHAR(1)  NOT NULL,
    change            DOUBLE PRECISION NOT NULL,
    clients           INTEGER     NOT NULL,
    CONSTRAINT cmp_change_count_pk PRIMARY KEY (indicator_id, municipality_code, stat_year, legal_sex, change)
);

-- The refresh that last wrote a stored result (a value from cmp_result_revision): a cell that a
-- refresh did not need to change keeps its revision.
ALTER TABLE cmp_result ADD COLUMN revision BIGINT;
UPDATE cmp_result SET revision = 0;
CREATE SEQUENCE cmp_result_revision START WITH 1;

-- What an indicator's stored results were computed from: a digest of its definition, the
-- disclosure and colour settings, the area membership and the computation version. At start-up only
-- the indicators whose digest differs are refreshed; changes of facts are in cmp_refresh_pending.
CREATE TABLE cmp_result_source (
    indicator_id VARCHAR(20) NOT NULL REFERENCES cmp_indicator (id) ON DELETE CASCADE,
    fingerprint  VARCHAR(64) NOT NULL,
    refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cmp_result_source_pk PRIMARY KEY (indicator_id)
);
