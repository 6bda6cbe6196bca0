-- prv_fact_outcome's withheld_activities also counts the activities that withhold their improved count
-- and share as an extreme share (ADR 0015, "Preventive pairs"): none or all of 5 to 9 answer pairs on
-- the instrument in all years improved (OutcomeSummary.extreme, as the activity's page decides). As
-- before it counts those with under 5 pairs (OutcomeSummary.MIN_GROUP) or with pairs in more than one
-- calendar year. Every other column, and every row, is unchanged (ADR 10: a stable contract).
DROP VIEW prv_fact_outcome;

CREATE VIEW prv_fact_outcome AS
SELECT a.municipality_code, CAST(EXTRACT(YEAR FROM s.answered_month) AS INTEGER) AS stat_year,
       a.kind_code AS activity_kind, s.instrument_code, COUNT(*) AS respondents,
       SUM(CASE WHEN (s.after_score - s.before_score) * (CASE WHEN i.higher_is_better THEN 1 ELSE -1 END)
                     >= i.minimal_difference THEN 1 ELSE 0 END) AS improved,
       COUNT(DISTINCT CASE WHEN w.pairs < 5 OR w.years > 1
                                OR (w.pairs < 10 AND (w.improved = 0 OR w.improved = w.pairs))
                           THEN s.activity_id END) AS withheld_activities
FROM prv_answer s
JOIN prv_activity a ON a.id = s.activity_id
JOIN prv_instrument i ON i.code = s.instrument_code
JOIN (SELECT v.activity_id, v.instrument_code, COUNT(*) AS pairs,
             COUNT(DISTINCT CAST(EXTRACT(YEAR FROM v.answered_month) AS INTEGER)) AS years,
             SUM(CASE WHEN (v.after_score - v.before_score) * (CASE WHEN vi.higher_is_better THEN 1 ELSE -1 END)
                           >= vi.minimal_difference THEN 1 ELSE 0 END) AS improved
      FROM prv_answer v
      JOIN prv_instrument vi ON vi.code = v.instrument_code
      GROUP BY v.activity_id, v.instrument_code) w
  ON w.activity_id = s.activity_id AND w.instrument_code = s.instrument_code
GROUP BY a.municipality_code, CAST(EXTRACT(YEAR FROM s.answered_month) AS INTEGER), a.kind_code, s.instrument_code;
