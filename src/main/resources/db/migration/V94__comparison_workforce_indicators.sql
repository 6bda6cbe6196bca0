-- The six workforce indicators of open comparisons (issue 14, ADR 12), in every installation and
-- not only in the demo. Comparison computes them from competence's published view
-- cpt_fact_workforce (ADR 10) like every other computed indicator; their numbers are the
-- registers' own, with no sex (the facts carry none). The experience threshold is the setting
-- samsyn.competence.experienced-years (not set by law). Ids W00001–W00006.
INSERT INTO cmp_indicator (id, title_sv, title_en, description_sv, description_en, focus_area, kind, quality_dimension,
                           measure_type, unit, direction, origin, template, instrument_code, intervention_code, age_band,
                           filter_focus_area, published, created_by, created_at) VALUES
('W00001', 'Personalomsättning', 'Staff turnover',
 'Antal direktanställda som slutat under året, i procent av genomsnittet av antalet direktanställda den 1 januari och på årets referensdag (31 december, eller i dag för innevarande år).',
 'Directly employed staff who left during the year, as a percentage of the average of the directly employed on 1 January and on the year''s reference day (31 December, or today for the current year).',
 NULL, 'key-figure', NULL, NULL, 'percent', 'lower', 'followup', 'staff-turnover', NULL, NULL, NULL, NULL,
 TRUE, 'samsyn', CURRENT_TIMESTAMP),
('W00002', 'Andel vakanta tjänster', 'Vacancy rate',
 'Vakanta tjänstemånader i procent av vakanta och bemannade tjänstemånader, över de månader enheterna rapporterat vakanser.',
 'Open post-months as a percentage of open and staffed post-months, over the months the units reported vacancies.',
 NULL, 'key-figure', NULL, NULL, 'percent', 'lower', 'followup', 'vacancy-rate', NULL, NULL, NULL, NULL,
 TRUE, 'samsyn', CURRENT_TIMESTAMP),
('W00003', 'Andel inhyrd personal', 'Share of agency staff',
 'Andel av personalen på årets referensdag som är inhyrd genom bemanningsföretag.',
 'Share of the staff on the year''s reference day who are hired through a staffing agency.',
 NULL, 'key-figure', NULL, NULL, 'percent', 'lower', 'followup', 'agency-share', NULL, NULL, NULL, NULL,
 TRUE, 'samsyn', CURRENT_TIMESTAMP),
('W00004', 'Andel som uppfyller lagkrav för reglerade uppgifter', 'Share meeting the legal requirement for regulated tasks',
 'Andel av personalen som utför reglerade uppgifter på årets referensdag som uppfyller de lagkrav som gäller för uppgifterna.',
 'Share of the staff performing regulated tasks on the year''s reference day who meet the legal requirements of those tasks.',
 NULL, 'key-figure', NULL, NULL, 'percent', 'higher', 'followup', 'legal-requirement-share', NULL, NULL, NULL, NULL,
 TRUE, 'samsyn', CURRENT_TIMESTAMP),
('W00005', 'Andel erfaren personal', 'Share of experienced staff',
 'Andel av personalen på årets referensdag med minst det inställda antalet års relevant erfarenhet (förval 2 år; inte bestämt i lag).',
 'Share of the staff on the year''s reference day with at least the configured years of relevant experience (default 2; not set by law).',
 NULL, 'key-figure', NULL, NULL, 'percent', 'higher', 'followup', 'experience-share', NULL, NULL, NULL, NULL,
 TRUE, 'samsyn', CURRENT_TIMESTAMP),
('W00006', 'Andel nyanställda med genomförd introduktion', 'Share of new staff with a completed introduction',
 'Andel av årets nyanställda (direktanställda) vars introduktionsprogram är helt genomfört.',
 'Share of the year''s new (directly employed) staff whose introduction programme is fully completed.',
 NULL, 'key-figure', NULL, NULL, 'percent', 'higher', 'followup', 'introduction-share', NULL, NULL, NULL, NULL,
 TRUE, 'samsyn', CURRENT_TIMESTAMP);
