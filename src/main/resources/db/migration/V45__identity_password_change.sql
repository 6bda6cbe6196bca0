-- Identity: an account can be made to choose a new password at its next sign-in, as the first
-- administrator created from SAMSYN_ADMIN_USERNAME / SAMSYN_ADMIN_PASSWORD is.
ALTER TABLE idn_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
