-- The expression of an indicator scored by the "formula" method (muParser).
ALTER TABLE indicators ADD COLUMN formula TEXT NOT NULL DEFAULT '';
