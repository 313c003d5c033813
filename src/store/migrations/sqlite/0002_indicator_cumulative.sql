-- 累计值: whether an indicator's monthly values accumulate towards the year-end
-- value (needed to project provisional results of a year in progress).
ALTER TABLE indicators ADD COLUMN cumulative INTEGER NOT NULL DEFAULT 0;
