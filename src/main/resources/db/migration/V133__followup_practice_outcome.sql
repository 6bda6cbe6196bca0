-- Stored national practice outcomes (issue 19, point 4): per municipality, instrument,
-- intervention, date of the client's latest follow-up and change (latest follow-up less earliest
-- baseline), the number of clients. The public priority list sums the rows of a period instead of
-- pairing every client of the country on each view. Kept current with the comparison results
-- (only the municipalities whose follow-up data changed are rebuilt); filled here from the data
-- already stored, with the same statement as PracticeOutcomeTable.
CREATE TABLE fup_practice_outcome (
    municipality_code VARCHAR(4)       NOT NULL,
    instrument_code   VARCHAR(40)      NOT NULL,
    intervention_code VARCHAR(40)      NOT NULL,
    follow_up_on      DATE             NOT NULL,
    change_score      DOUBLE PRECISION NOT NULL,
    clients           INTEGER          NOT NULL,
    PRIMARY KEY (municipality_code, instrument_code, intervention_code, follow_up_on, change_score)
);
CREATE INDEX fup_practice_outcome_period ON fup_practice_outcome (instrument_code, follow_up_on);

INSERT INTO fup_practice_outcome (municipality_code, instrument_code, intervention_code, follow_up_on, change_score, clients)
SELECT p.municipality_code, p.instrument_code, i.intervention_code, p.follow_up_on, p.change_score, COUNT(*)
FROM (SELECT x.municipality_code, x.client_id, x.instrument_code, x.measured_on AS follow_up_on,
             x.score - x.baseline_score AS change_score
      FROM (SELECT municipality_code, client_id, instrument_code, measured_on, score, time_point,
                   -- baselines first, so the first value is the earliest baseline when there is one
                   FIRST_VALUE(score) OVER (PARTITION BY municipality_code, client_id, instrument_code
                       ORDER BY CASE WHEN time_point = 'baseline' THEN 0 ELSE 1 END, measured_on, id) AS baseline_score,
                   MAX(CASE WHEN time_point = 'baseline' THEN 1 ELSE 0 END)
                       OVER (PARTITION BY municipality_code, client_id, instrument_code) AS has_baseline,
                   ROW_NUMBER() OVER (PARTITION BY municipality_code, client_id, instrument_code,
                                                   CASE WHEN time_point = 'baseline' THEN 0 ELSE 1 END
                                      ORDER BY measured_on DESC, id DESC) AS rn
            FROM fup_measurement WHERE removed_at IS NULL) x
      WHERE x.time_point <> 'baseline' AND x.has_baseline = 1 AND x.rn = 1) p
JOIN (SELECT DISTINCT municipality_code, client_id, intervention_code FROM fup_intervention
      WHERE removed_at IS NULL) i
  ON i.municipality_code = p.municipality_code AND i.client_id = p.client_id
GROUP BY p.municipality_code, p.instrument_code, i.intervention_code, p.follow_up_on, p.change_score;

-- The national histogram of the priority list's period (the two years up to as_of), summed from
-- the rows above after every refresh and each night: the page reads a few rows per intervention.
-- The single row of fup_practice_window_built says which day it is for (and serialises rebuilds).
CREATE TABLE fup_practice_window (
    instrument_code   VARCHAR(40)      NOT NULL,
    intervention_code VARCHAR(40)      NOT NULL,
    change_score      DOUBLE PRECISION NOT NULL,
    clients           INTEGER          NOT NULL,
    PRIMARY KEY (instrument_code, intervention_code, change_score)
);
CREATE TABLE fup_practice_window_built (
    as_of DATE NOT NULL
);
INSERT INTO fup_practice_window_built (as_of) VALUES (DATE '1900-01-01');
