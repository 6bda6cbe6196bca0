-- Seed catalogue: commonly used social-services interventions, described in our own words, and
-- two instruments. WHO-5 is free to use (Psychiatric Research Unit, WHO Collaborating Centre in
-- Mental Health, Frederiksborg); the severity ratings follow ASI's structure without its wording.
INSERT INTO fup_intervention_type (code, name_sv, name_en, focus_areas) VALUES
('MI',        'Motiverande samtal (MI)',                         'Motivational interviewing',               'substance-use,economic-assistance,homelessness'),
('CRA',       'Community Reinforcement Approach (CRA)',          'Community reinforcement approach',        'substance-use'),
('ABBV',      'Återfallsprevention',                             'Relapse prevention',                      'substance-use'),
('HF',        'Bostad först',                                    'Housing First',                           'homelessness,substance-use'),
('IPS',       'Individanpassat stöd till arbete (IPS)',          'Individual placement and support',        'economic-assistance,disability'),
('FAMILJEBEH','Familjebehandling i öppenvård',                   'Family therapy, outpatient',              'children-youth'),
('MST',       'Multisystemisk terapi (MST)',                     'Multisystemic therapy',                   'children-youth'),
('FFT',       'Funktionell familjeterapi (FFT)',                 'Functional family therapy',               'children-youth'),
('KONTAKT',   'Kontaktperson eller kontaktfamilj',               'Contact person or contact family',        'children-youth,disability'),
('FAMHEM',    'Placering i familjehem',                          'Foster family placement',                 'children-youth'),
('HVB',       'Placering i hem för vård eller boende (HVB)',     'Residential care placement',              'children-youth,substance-use'),
('SKYDD',     'Skyddat boende',                                  'Sheltered housing',                       'violence'),
('STODSAMT',  'Stödsamtal för våldsutsatta',                     'Support counselling after violence',      'violence'),
('HEMTJ',     'Hemtjänst',                                       'Home help',                               'elderly-care,dementia'),
('DAGV',      'Dagverksamhet',                                   'Day activities',                          'elderly-care,dementia,disability'),
('SABO',      'Särskilt boende',                                 'Residential care home',                   'elderly-care,dementia'),
('BOSTOD',    'Boendestöd',                                      'Housing support',                         'disability,homelessness'),
('DAGLIG',    'Daglig verksamhet (LSS)',                         'Daily activities (LSS)',                  'disability'),
('BUDGET',    'Budget- och skuldrådgivning',                     'Budget and debt counselling',             'economic-assistance');

INSERT INTO fup_instrument (code, name_sv, name_en, scoring, multiplier, score_min, score_max, higher_is_better,
                            minimal_important_difference, source) VALUES
('who5', 'WHO-5 välbefinnandeindex', 'WHO-5 Well-Being Index', 'SUM', 4, 0, 100, TRUE, 10,
 'WHO-5: Psychiatric Research Unit, WHO Collaborating Centre in Mental Health, Frederiksborg General Hospital. Free to use. https://www.psykiatri-regionh.dk/who-5/'),
('severity', 'Intervjuarens skattning av problemens svårighetsgrad (ASI-struktur)', 'Interviewer severity ratings (ASI structure)',
 'MEAN', 1, 0, 9, FALSE, 1,
 'Structure only, in the manner of ASI: one interviewer rating 0–9 per life area. No licensed wording is included.');

INSERT INTO fup_instrument_item (instrument_code, item_no, text_sv, text_en, min_value, max_value) VALUES
('who5', 1, 'Jag har känt mig glad och på gott humör', 'I have felt cheerful and in good spirits', 0, 5),
('who5', 2, 'Jag har känt mig lugn och avslappnad', 'I have felt calm and relaxed', 0, 5),
('who5', 3, 'Jag har känt mig aktiv och full av energi', 'I have felt active and vigorous', 0, 5),
('who5', 4, 'Jag har vaknat upp och känt mig frisk och utvilad', 'I woke up feeling fresh and rested', 0, 5),
('who5', 5, 'Min vardag har varit fylld av saker som intresserar mig', 'My daily life has been filled with things that interest me', 0, 5),
('severity', 1, 'Fysisk hälsa', 'Physical health', 0, 9),
('severity', 2, 'Arbete och försörjning', 'Employment and support', 0, 9),
('severity', 3, 'Alkohol', 'Alcohol', 0, 9),
('severity', 4, 'Narkotika', 'Drugs', 0, 9),
('severity', 5, 'Kriminalitet', 'Legal status', 0, 9),
('severity', 6, 'Familj och umgänge', 'Family and social relationships', 0, 9),
('severity', 7, 'Psykisk hälsa', 'Psychiatric status', 0, 9);
