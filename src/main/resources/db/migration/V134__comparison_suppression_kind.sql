-- Comparison: why a stored result is suppressed (ADR 0015). 'primary' when the cell's own count is
-- small (1 to threshold - 1) or its share is 0 % or 100 % on a small base; 'secondary' when it is
-- hidden to protect another cell; NULL for a cell that is not suppressed, or one suppressed by an
-- imported source that does not say why. The refresh's marking writes it with the status. It is
-- kept for the producer and never published: saying which a hidden cell is would tell a reader
-- that its count lies in 1 to 4, or narrow the others' (ADR 0015, "Primary or secondary").
ALTER TABLE cmp_result ADD COLUMN suppression VARCHAR(9);
ALTER TABLE cmp_result ADD CONSTRAINT cmp_result_suppression_kind CHECK (suppression IN ('primary', 'secondary'));
