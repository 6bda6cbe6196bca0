-- prv_fact_outcome gains withheld_activities (ADR 0015, "Preventive pairs"): per municipality, calendar
-- year of the after answer, activity kind and instrument, how many of the activities counted in the
-- row either withhold their own improved count (under 5 answer pairs on the instrument in all years,
-- OutcomeSummary.MIN_GROUP, as the activity's page decides) or have pairs on the instrument in more
-- than one calendar year (so the row would split the result the activity shows). The other columns
-- are unchanged (ADR 10: a stable contract).
DROP VIEW prv_fact_outcome;

CREATE VIEW prv_fact_outcome AS
SELECT a.municipality_code, CAST(EXTRACT(YEAR FROM s.answered_month) AS INTEGER) AS stat_year,
       a.kind_code AS activity_kind, s.instrument_code, COUNT(*) AS respondents,
       SUM(CASE WHEN (s.after_score - s.before_score) * (CASE WHEN i.higher_is_better THEN 1 ELSE -1 END)
                     >= i.minimal_difference THEN 1 ELSE 0 END) AS improved,
       COUNT(DISTINCT CASE WHEN w.pairs < 5 OR w.years > 1 THEN s.activity_id END) AS withheld_activities
FROM prv_answer s
JOIN prv_activity a ON a.id = s.activity_id
JOIN prv_instrument i ON i.code = s.instrument_code
JOIN (SELECT activity_id, instrument_code, COUNT(*) AS pairs,
             COUNT(DISTINCT CAST(EXTRACT(YEAR FROM answered_month) AS INTEGER)) AS years
      FROM prv_answer
      GROUP BY activity_id, instrument_code) w
  ON w.activity_id = s.activity_id AND w.instrument_code = s.instrument_code
GROUP BY a.municipality_code, CAST(EXTRACT(YEAR FROM s.answered_month) AS INTEGER), a.kind_code, s.instrument_code;
