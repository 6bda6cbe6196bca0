-- Priority pairs whose condition is a population risk and whose intervention is a preventive
-- activity kind (ADR 14). condition_kind: individual (a condition of a person, as before) or
-- population-risk; activity_kind: the prevention catalogue's code, checked through prevention's API
-- (no foreign key across module prefixes, ADR 10).
ALTER TABLE prio_pair ADD COLUMN condition_kind VARCHAR(20) DEFAULT 'individual' NOT NULL;
ALTER TABLE prio_pair ADD COLUMN activity_kind VARCHAR(40);
ALTER TABLE prio_pair ADD CONSTRAINT prio_pair_condition_kind CHECK (condition_kind IN ('individual', 'population-risk'));
