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
FROM (SELECT f.municipality_code, f.client_id, f.instrument_code, f.measured_on AS follow_up_on,
             f.score - b.score AS change_score
      FROM (SELECT municipality_code, client_id, instrument_code, measured_on, score,
                   ROW_NUMBER() OVER (PARTITION BY municipality_code, client_id, instrument_code
                                      ORDER BY measured_on DESC, id DESC) AS rn
            FROM fup_measurement WHERE time_point <> 'baseline' AND removed_at IS NULL) f
      JOIN (SELECT municipality_code, client_id, instrument_code, score,
                   ROW_NUMBER() OVER (PARTITION BY municipality_code, client_id, instrument_code
                                      ORDER BY measured_on, id) AS rn
            FROM fup_measurement WHERE time_point = 'baseline' AND removed_at IS NULL) b
        ON b.municipality_code = f.municipality_code AND b.client_id = f.client_id
       AND b.instrument_code = f.instrument_code AND b.rn = 1
      WHERE f.rn = 1) p
JOIN (SELECT DISTINCT municipality_code, client_id, intervention_code FROM fup_intervention
      WHERE removed_at IS NULL) i
  ON i.municipality_code = p.municipality_code AND i.client_id = p.client_id
GROUP BY p.municipality_code, p.instrument_code, i.intervention_code, p.follow_up_on, p.change_score;
