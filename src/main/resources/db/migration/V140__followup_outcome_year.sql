-- Stored calendar-year outcomes (issue 19, point 4): what a whole-calendar-year outcome report of
-- a municipality needs, so that a region's and the nation's report sum the rows of their
-- municipalities instead of pairing every client of the region or country on each view.
-- A client counts in the year of a follow-up with its earliest baseline of the instrument and its
-- latest follow-up in that year (removed entries left out), once per intervention type it has had
-- and once under intervention_code '*' (all interventions together), as the direct pairing in
-- OutcomeTables counts it. Per municipality, year, instrument, intervention, legal sex (K or M) and
-- measure (B the baseline score, F the follow-up score, C the change, follow-up less baseline),
-- the number of clients with each score: the medians, the share improved and the score
-- distribution's bins come from these histograms exactly. Kept current with the comparison
-- results (only the municipalities whose follow-up data changed are rebuilt, with the practice
-- outcomes of V133); filled here from the data already stored, with the same statement as
-- YearOutcomeTable.
CREATE TABLE fup_outcome_year (
    municipality_code VARCHAR(4)       NOT NULL,
    period_year       INTEGER          NOT NULL,
    instrument_code   VARCHAR(40)      NOT NULL,
    intervention_code VARCHAR(40)      NOT NULL,
    legal_sex         VARCHAR(1)       NOT NULL,
    measure           VARCHAR(1)       NOT NULL,
    score             DOUBLE PRECISION NOT NULL,
    clients           INTEGER          NOT NULL,
    PRIMARY KEY (municipality_code, period_year, instrument_code, intervention_code, legal_sex, measure, score)
);
CREATE INDEX fup_outcome_year_report ON fup_outcome_year (period_year, instrument_code);

INSERT INTO fup_outcome_year (municipality_code, period_year, instrument_code, intervention_code, legal_sex, measure,
                              score, clients)
SELECT q.municipality_code, q.period_year, q.instrument_code, q.intervention_code, q.legal_sex, q.measure, q.score,
       COUNT(*)
FROM (SELECT p.municipality_code, p.period_year, p.instrument_code, i.intervention_code, c.legal_sex, k.measure,
             CASE k.measure WHEN 'B' THEN p.baseline_score WHEN 'F' THEN p.follow_up_score
                            ELSE p.follow_up_score - p.baseline_score END AS score
      FROM (SELECT x.municipality_code, x.client_id, x.instrument_code, x.period_year, x.baseline_score,
                   x.score AS follow_up_score
            FROM (SELECT municipality_code, client_id, instrument_code, score, time_point,
                         EXTRACT(YEAR FROM measured_on) AS period_year,
                         -- baselines first, so the first value is the earliest baseline when there is one
                         FIRST_VALUE(score) OVER (PARTITION BY municipality_code, client_id, instrument_code
                             ORDER BY CASE WHEN time_point = 'baseline' THEN 0 ELSE 1 END, measured_on, id) AS baseline_score,
                         MAX(CASE WHEN time_point = 'baseline' THEN 1 ELSE 0 END)
                             OVER (PARTITION BY municipality_code, client_id, instrument_code) AS has_baseline,
                         -- the latest follow-up of each year
                         ROW_NUMBER() OVER (PARTITION BY municipality_code, client_id, instrument_code,
                                                         CASE WHEN time_point = 'baseline' THEN 0 ELSE 1 END,
                                                         EXTRACT(YEAR FROM measured_on)
                                            ORDER BY measured_on DESC, id DESC) AS rn
                  FROM fup_measurement WHERE removed_at IS NULL) x
            WHERE x.time_point <> 'baseline' AND x.has_baseline = 1 AND x.rn = 1) p
      JOIN (SELECT DISTINCT municipality_code, client_id, intervention_code FROM fup_intervention
            WHERE removed_at IS NULL
            UNION
            SELECT DISTINCT municipality_code, client_id, '*' FROM fup_intervention
            WHERE removed_at IS NULL) i
        ON i.municipality_code = p.municipality_code AND i.client_id = p.client_id
      JOIN fup_client c ON c.municipality_code = p.municipality_code AND c.id = p.client_id
      CROSS JOIN (SELECT 'B' AS measure UNION ALL SELECT 'F' UNION ALL SELECT 'C') k) q
GROUP BY q.municipality_code, q.period_year, q.instrument_code, q.intervention_code, q.legal_sex, q.measure, q.score;
