-- Inputs of score and rank intervals: the survey's sampling standard error of
-- each unit's satisfaction score, and each indicator's declared relative
-- measurement error.
ALTER TABLE component_scores ADD COLUMN satisfaction_se REAL;
ALTER TABLE indicators ADD COLUMN measurement_error REAL NOT NULL DEFAULT 0;
