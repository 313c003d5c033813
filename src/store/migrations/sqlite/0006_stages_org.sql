-- govperf:foreign-keys-off
-- 0006: the year's stages (draft → setting → monitoring → year_end →
-- preliminary → published) with a per-year data version; the expert role and
-- login throttling state on users; the organisation registry (机构) with its
-- change log (机构职能变更).
--
-- The CHECK constraints of `years` and `users` change, which SQLite can only
-- do by rebuilding the tables; the runner turns foreign keys off around this
-- migration and runs PRAGMA foreign_key_check before committing (the
-- procedure SQLite documents for ALTER TABLE beyond its built-in forms).

CREATE TABLE years_new (
  year         INTEGER PRIMARY KEY,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'setting', 'monitoring', 'year_end',
                                               'preliminary', 'published')),
  published_at TEXT NOT NULL DEFAULT '',
  data_version INTEGER NOT NULL DEFAULT 0
);
INSERT INTO years_new (year, status, published_at, data_version)
  SELECT year, CASE status WHEN 'in_progress' THEN 'monitoring' ELSE status END, published_at, 1
  FROM years;
DROP TABLE years;
ALTER TABLE years_new RENAME TO years;

CREATE TABLE users_new (
  username      TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'unit', 'lead', 'leader', 'expert')),
  unit_id       TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER NOT NULL DEFAULT 0,
  lock_level    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO users_new (username, display_name, role, unit_id, password_hash, active)
  SELECT username, display_name, role, unit_id, password_hash, active FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE TABLE org_categories (
  id      TEXT PRIMARY KEY,
  ord     INTEGER NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind    TEXT NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE org_units (
  id          TEXT PRIMARY KEY,
  ord         INTEGER NOT NULL,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  category_id TEXT NOT NULL REFERENCES org_categories (id) DEFERRABLE INITIALLY DEFERRED,
  parent_id   TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL,
  retired     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE org_changes (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  into_id     TEXT NOT NULL DEFAULT '',
  before_json TEXT NOT NULL DEFAULT '',
  after_json  TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT ''
);

-- An existing installation's registry starts as the units and categories of
-- its newest scheme.
INSERT INTO org_categories (id, ord, name_zh, name_en, kind)
  SELECT id, ord, name_zh, name_en, kind FROM categories
  WHERE year = (SELECT MAX(year) FROM schemes);
INSERT INTO org_units (id, ord, name_zh, name_en, category_id, parent_id, kind)
  SELECT id, ord, name_zh, name_en, category_id, parent_id, kind FROM units
  WHERE year = (SELECT MAX(year) FROM schemes);
