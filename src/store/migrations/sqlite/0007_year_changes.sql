-- 0007: what changed in a year at each data version (YearReader::YearChangesSince), so
-- the results service can bring a cached year current by replaying a few
-- changes instead of reloading and re-evaluating the whole year.
--
-- One row per data_version of a year, written in the transaction that bumps
-- the version. Every bump first records kind 'all' ("anything may have
-- changed": a scheme save, a stage change, a whole-data replace, or a write
-- that does not describe itself); single-item writes then narrow their row to
-- the item: 'datum' (indicator_id, unit_id, period), 'scores' and 'inputs'
-- (unit_id), 'adjustments' (unit_id). Old rows are pruned: a reader that asks
-- for changes older than the log is told to reload.
CREATE TABLE year_changes (
  year         INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('all', 'datum', 'scores', 'inputs', 'adjustments')),
  indicator_id TEXT NOT NULL DEFAULT '',
  unit_id      TEXT NOT NULL DEFAULT '',
  period       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, version)
);
