-- Loads the gen CSVs (in the current directory) into SQLite tables.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE units(unit_id TEXT PRIMARY KEY, category TEXT);
CREATE TABLE indicators(indicator_id TEXT PRIMARY KEY, points REAL, direction INTEGER);
CREATE TABLE vals(unit_id TEXT, indicator_id TEXT, target REAL, actual REAL);
.import --csv --skip 1 units.csv units
.import --csv --skip 1 indicators.csv indicators
.import --csv --skip 1 values.csv vals
-- .import stores an empty field as '' (text): make it NULL (not reported).
UPDATE vals SET actual = NULL WHERE actual = '';
