-- Introductions started automatically and mentors who sign in (issue 14, ADR 12).
-- An introduction is started automatically when a directly employed person is added to a unit whose
-- role has a programme; its mentor is then not yet chosen, so the mentor's name may be empty until
-- the manager assigns one. A mentor may be linked to a Samsyn account (its username; no foreign key
-- into identity's tables, ADR 10): that account sees the introductions it mentors and ticks off the
-- items guided by the mentor, and only those. started_how says whether the manager started it
-- ('manual') or adding the person did ('page', 'api' or 'import').
ALTER TABLE cpt_introduction ALTER COLUMN mentor DROP NOT NULL;
ALTER TABLE cpt_introduction ADD COLUMN mentor_username VARCHAR(100);
ALTER TABLE cpt_introduction ADD COLUMN started_how VARCHAR(10) DEFAULT 'manual' NOT NULL;
ALTER TABLE cpt_introduction ADD CONSTRAINT cpt_introduction_started_how
    CHECK (started_how IN ('manual', 'page', 'api', 'import'));
CREATE INDEX cpt_introduction_mentor ON cpt_introduction (mentor_username);
