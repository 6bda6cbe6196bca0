-- Workforce indicators (ADR 12). Vacancies are reported by the unit: open posts per month. The
-- competence module computes the workforce facts per municipality, year and measure in Java (the
-- requirement rule is Java) into cpt_workforce_fact, and publishes them to other modules through
-- the read view cpt_fact_workforce, as follow-up publishes fup_fact_* (ADR 10). Columns of the view:
--   municipality_code  four-digit SCB code
--   stat_year          calendar year
--   measure            turnover, vacancy, agency, legal, experienced, introduced
--   numerator, denominator  the counts whose ratio × 100 is the indicator, in persons (turnover's
--                      denominator is the average headcount; vacancy's are post-months)
CREATE TABLE cpt_vacancy (
    municipality_code VARCHAR(4)  NOT NULL,
    unit_code         VARCHAR(40) NOT NULL,
    month_start       DATE        NOT NULL,
    open_posts        INTEGER     NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(100) NOT NULL,
    PRIMARY KEY (unit_code, month_start),
    CONSTRAINT cpt_vacancy_posts CHECK (open_posts BETWEEN 0 AND 10000)
);

CREATE TABLE cpt_workforce_fact (
    municipality_code VARCHAR(4)  NOT NULL,
    stat_year         INTEGER     NOT NULL,
    measure           VARCHAR(20) NOT NULL,
    numerator         DOUBLE PRECISION NOT NULL,
    denominator       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (municipality_code, stat_year, measure)
);

CREATE VIEW cpt_fact_workforce AS
SELECT municipality_code, stat_year, measure, numerator, denominator FROM cpt_workforce_fact;
