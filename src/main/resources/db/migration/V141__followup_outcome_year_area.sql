-- The stored calendar-year outcomes of V140 summed per region (area_code the two-digit county
-- code) and for the nation (area_code 'SE', the sum of the regions), so that a region's or the
-- nation's outcome report reads a few rows per intervention, sex and score however many clients
-- and municipalities they stand for. Rebuilt with fup_outcome_year: the regions of the refreshed
-- municipalities, then the nation from the regions (YearOutcomeTable). Left empty here (a migration
-- touches one module's tables): the first start after it fills it from fup_outcome_year, placing
-- the municipalities in regions through organisation's read view (ADR 3).
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
