-- Links the seeded follow-up interventions to the method entries of the knowledge guide's
-- starting set (loaded at start-up from knowledge/seed-entries.json). The link is a slug, not a
-- foreign key: the follow-up catalogue belongs to another module.
UPDATE fup_intervention_type SET guide_entry = 'motiverande-samtal' WHERE code = 'MI';
UPDATE fup_intervention_type SET guide_entry = 'community-reinforcement-approach' WHERE code = 'CRA';
UPDATE fup_intervention_type SET guide_entry = 'aterfallsprevention' WHERE code = 'ABBV';
UPDATE fup_intervention_type SET guide_entry = 'bostad-forst' WHERE code = 'HF';
UPDATE fup_intervention_type SET guide_entry = 'individanpassat-stod-till-arbete' WHERE code = 'IPS';
UPDATE fup_intervention_type SET guide_entry = 'multisystemisk-terapi' WHERE code = 'MST';
UPDATE fup_intervention_type SET guide_entry = 'funktionell-familjeterapi' WHERE code = 'FFT';
UPDATE fup_intervention_type SET guide_entry = 'budget-och-skuldradgivning' WHERE code = 'BUDGET';
