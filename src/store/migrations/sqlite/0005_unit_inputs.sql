-- 投入: each unit's resources (budget, staff ...) for the fairness view (DEA).
CREATE TABLE unit_inputs (
  year    INTEGER NOT NULL,
  unit_id TEXT NOT NULL,
  name    TEXT NOT NULL,
  value   REAL NOT NULL,
  PRIMARY KEY (year, unit_id, name),
  FOREIGN KEY (year, unit_id) REFERENCES units (year, id) DEFERRABLE INITIALLY DEFERRED
);
