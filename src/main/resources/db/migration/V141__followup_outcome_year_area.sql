-- The stored calendar-year outcomes of V140 summed per region (area_code the two-digit county
-- code) and for the nation (area_code 'SE', the sum of the regions), so that a region's or the
-- nation's outcome report reads a few rows per intervention, sex and score however many clients
-- and municipalities they stand for. Rebuilt with fup_outcome_year: the regions of the refreshed
-- municipalities, then the nation from the regions (YearOutcomeTable); filled here from the rows
-- already stored, municipalities placed in regions through organisation's read view (ADR 3).
CREATE TABLE fup_outcome_year_area (
    area_code         VARCHAR(2)       NOT NULL,
    period_year       INTEGER          NOT NULL,
    instrument_code   VARCHAR(40)      NOT NULL,
    intervention_code VARCHAR(40)      NOT NULL,
    legal_sex         VARCHAR(1)       NOT NULL,
    measure           VARCHAR(1)       NOT NULL,
    score             DOUBLE PRECISION NOT NULL,
    clients           INTEGER          NOT NULL,
    PRIMARY KEY (area_code, period_year, instrument_code, intervention_code, legal_sex, measure, score)
);

INSERT INTO fup_outcome_year_area (area_code, period_year, instrument_code, intervention_code, legal_sex, measure,
                                   score, clients)
SELECT v.county_code, y.period_year, y.instrument_code, y.intervention_code, y.legal_sex, y.measure, y.score,
       SUM(y.clients)
FROM fup_outcome_year y JOIN org_v_municipality v ON v.code = y.municipality_code
GROUP BY v.county_code, y.period_year, y.instrument_code, y.intervention_code, y.legal_sex, y.measure, y.score;

INSERT INTO fup_outcome_year_area (area_code, period_year, instrument_code, intervention_code, legal_sex, measure,
                                   score, clients)
SELECT 'SE', period_year, instrument_code, intervention_code, legal_sex, measure, score, SUM(clients)
FROM fup_outcome_year_area
GROUP BY period_year, instrument_code, intervention_code, legal_sex, measure, score;
