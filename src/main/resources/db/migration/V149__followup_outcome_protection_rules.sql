-- Follow-up: the stored outcome reports record the rules their hidden cells were chosen under (the
-- suppression threshold, the number of bins and the version of the protection rules, ADR 0015), so
-- that a refresh under other rules protects every region anew instead of keeping hidden cells chosen
-- under the old ones. Rows stored before this migration have none and are protected anew.
ALTER TABLE fup_outcome_protected_report ADD COLUMN protection VARCHAR(80);
