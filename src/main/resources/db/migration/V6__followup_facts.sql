-- The follow-up module's published facts for statistics: one row per client-level fact, with
-- no pseudonym and no unit. Other modules (open comparisons) aggregate these views and never
-- read the fup_ tables themselves, so the follow-up schema can change behind them.

-- One row per client, instrument and calendar year in which the client had a follow-up
-- measurement: the earliest baseline score and the year's latest follow-up score.
CREATE VIEW fup_fact_outcome AS
SELECT x.municipality_code, x.client_id, c.legal_sex, c.birth_year, x.instrument_code, x.stat_year,
       x.baseline_score, x.score AS followup_score
FROM (SELECT m.municipality_code, m.client_id, m.instrument_code, m.score, m.time_point,
             EXTRACT(YEAR FROM m.measured_on) AS stat_year,
             -- ordered with baselines first, so the first value is the earliest baseline when there is one
             FIRST_VALUE(m.score) OVER (PARTITION BY m.municipality_code, m.client_id, m.instrument_code
                 ORDER BY CASE WHEN m.time_point = 'baseline' THEN 0 ELSE 1 END, m.measured_on, m.id) AS baseline_score,
             MAX(CASE WHEN m.time_point = 'baseline' THEN 1 ELSE 0 END)
                 OVER (PARTITION BY m.municipality_code, m.client_id, m.instrument_code) AS has_baseline,
             ROW_NUMBER() OVER (PARTITION BY m.municipality_code, m.client_id, m.instrument_code,
                                             CASE WHEN m.time_point = 'baseline' THEN 0 ELSE 1 END,
                                             EXTRACT(YEAR FROM m.measured_on)
                                ORDER BY m.measured_on DESC, m.id DESC) AS rn
      FROM fup_measurement m) x
JOIN fup_client c ON c.municipality_code = x.municipality_code AND c.id = x.client_id
WHERE x.time_point <> 'baseline' AND x.has_baseline = 1 AND x.rn = 1;

-- One row per client and intervention type the client has had (to filter outcomes by intervention).
CREATE VIEW fup_fact_client_intervention AS
SELECT DISTINCT municipality_code, client_id, intervention_code FROM fup_intervention;

-- One row per ended intervention, in the year it ended.
CREATE VIEW fup_fact_intervention_end AS
SELECT i.municipality_code, i.client_id, c.legal_sex, c.birth_year, i.intervention_code,
       EXTRACT(YEAR FROM i.end_date) AS stat_year,
       CASE WHEN i.end_reason = 'completed' THEN 1 ELSE 0 END AS completed
FROM fup_intervention i
JOIN fup_client c ON c.municipality_code = i.municipality_code AND c.id = i.client_id
WHERE i.end_date IS NOT NULL;

-- One row per goal whose attainment has been judged, in the year of its assessment.
CREATE VIEW fup_fact_goal AS
SELECT n.municipality_code, n.client_id, c.legal_sex, c.birth_year, n.life_area,
       EXTRACT(YEAR FROM n.assessed_on) AS stat_year,
       CASE WHEN n.goal_status = 'achieved' THEN 1 ELSE 0 END AS achieved
FROM fup_need n
JOIN fup_client c ON c.municipality_code = n.municipality_code AND c.id = n.client_id
WHERE n.goal IS NOT NULL AND n.goal_status IS NOT NULL;

-- One row per episode, with the years it covers.
CREATE VIEW fup_fact_episode AS
SELECT e.municipality_code, e.client_id, c.legal_sex, c.birth_year, e.focus_area,
       EXTRACT(YEAR FROM e.start_date) AS start_year,
       EXTRACT(YEAR FROM e.end_date) AS end_year
FROM fup_episode e
JOIN fup_client c ON c.municipality_code = e.municipality_code AND c.id = e.client_id;
