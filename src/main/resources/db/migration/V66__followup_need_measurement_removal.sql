-- A wrongly entered need assessment or measurement is marked removed (with its reason in
-- fup_history), not deleted, like episodes and interventions: reports, the client page and the
-- fact views leave it out, the history keeps it.
ALTER TABLE fup_need ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE fup_measurement ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;

CREATE OR REPLACE VIEW fup_fact_outcome AS
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
      FROM fup_measurement m
      WHERE m.removed_at IS NULL) x
JOIN fup_client c ON c.municipality_code = x.municipality_code AND c.id = x.client_id
WHERE x.time_point <> 'baseline' AND x.has_baseline = 1 AND x.rn = 1;

CREATE OR REPLACE VIEW fup_fact_goal AS
SELECT n.municipality_code, n.client_id, c.legal_sex, c.birth_year, n.life_area,
       EXTRACT(YEAR FROM n.assessed_on) AS stat_year,
       CASE WHEN n.goal_status = 'achieved' THEN 1 ELSE 0 END AS achieved
FROM fup_need n
JOIN fup_client c ON c.municipality_code = n.municipality_code AND c.id = n.client_id
WHERE n.goal IS NOT NULL AND n.goal_status IS NOT NULL AND n.removed_at IS NULL;
