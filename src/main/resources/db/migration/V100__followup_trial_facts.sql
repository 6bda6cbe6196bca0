-- Follow-up publishes dated, unit-level facts for trials of support tools (ADR 13), as it publishes
-- fup_fact_* for open comparisons (ADR 10). No pseudonym; removed rows are left out. Columns:
--   fup_fact_unit_measurement (municipality_code, unit_code, client_id, instrument_code,
--                              measured_on, time_point, score): one row per measurement
--   fup_fact_unit_episode     (municipality_code, unit_code, client_id, start_date, end_date):
--                              one row per episode, end_date null while open
--   fup_fact_unit_record      (municipality_code, unit_code, client_id, has_episode, has_need,
--                              has_intervention): one row per client, each has_* 1 when the client's
--                              record holds at least one such entry, else 0
CREATE VIEW fup_fact_unit_measurement AS
SELECT m.municipality_code, m.unit_code, m.client_id, m.instrument_code, m.measured_on, m.time_point, m.score
FROM fup_measurement m
WHERE m.removed_at IS NULL;

CREATE VIEW fup_fact_unit_episode AS
SELECT e.municipality_code, e.unit_code, e.client_id, e.start_date, e.end_date
FROM fup_episode e
WHERE e.removed_at IS NULL;

CREATE VIEW fup_fact_unit_record AS
SELECT c.municipality_code, c.unit_code, c.id AS client_id,
       CASE WHEN EXISTS (SELECT 1 FROM fup_episode e WHERE e.municipality_code = c.municipality_code
                         AND e.client_id = c.id AND e.removed_at IS NULL) THEN 1 ELSE 0 END AS has_episode,
       CASE WHEN EXISTS (SELECT 1 FROM fup_need n WHERE n.municipality_code = c.municipality_code
                         AND n.client_id = c.id AND n.removed_at IS NULL) THEN 1 ELSE 0 END AS has_need,
       CASE WHEN EXISTS (SELECT 1 FROM fup_intervention i WHERE i.municipality_code = c.municipality_code
                         AND i.client_id = c.id AND i.removed_at IS NULL) THEN 1 ELSE 0 END AS has_intervention
FROM fup_client c;
