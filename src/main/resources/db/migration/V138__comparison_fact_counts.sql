-- The follow-up facts the stored results were last computed from, per municipality (issue 19,
-- point 2): the numbers of measurements, episodes, ended interventions and judged goals, as
-- "measurements,episodes,interventions,goals". The watermark in cmp_result_source is a digest of
-- these rows. A refresh of a few municipalities recounts only their facts and takes the others'
-- from here, instead of counting every fact of the country; a full refresh and the start-up check
-- count everything and rewrite every row.
CREATE TABLE cmp_fact_count (
    municipality_code VARCHAR(4)  NOT NULL PRIMARY KEY,
    facts             VARCHAR(100) NOT NULL
);
