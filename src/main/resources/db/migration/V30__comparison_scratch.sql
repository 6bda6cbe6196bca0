-- Per-client changes of one median indicator while it is refreshed: the database can then plan
-- the join to every area a municipality counts towards with real row counts, which it cannot
-- estimate through the window functions of fup_fact_outcome. Emptied after each refresh.
CREATE TABLE cmp_scratch_change (
    indicator_id      VARCHAR(20) NOT NULL,
    municipality_code VARCHAR(4)  NOT NULL,
    stat_year         INTEGER     NOT NULL,
    legal_sex         VARCHAR(1)  NOT NULL,
    change            DOUBLE PRECISION NOT NULL
);
CREATE INDEX cmp_scratch_change_indicator ON cmp_scratch_change (indicator_id);
