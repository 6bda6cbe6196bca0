-- While a refresh of some municipalities' practice outcomes corrects the national histogram of the
-- priority list's period (fup_practice_window): its stored rows, the municipalities' old rows in
-- the period (with a minus sign) and their new ones, summed into the histogram's new rows, so that
-- the refresh reads the changed municipalities' rows and not the whole country's. Emptied in the
-- same transaction; refreshes wait for each other on the row of fup_practice_window_built.
CREATE TABLE fup_practice_window_change (
    instrument_code   VARCHAR(40)      NOT NULL,
    intervention_code VARCHAR(40)      NOT NULL,
    change_score      DOUBLE PRECISION NOT NULL,
    clients           INTEGER          NOT NULL
);
