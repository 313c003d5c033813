-- 0001_init: users, sessions, years, the yearly scheme, the year's data and
-- the hash-chained audit log.
--
-- Portability: only TEXT / INTEGER / REAL, composite primary keys and
-- DEFERRABLE foreign keys, all of which PostgreSQL accepts unchanged. Rows of
-- ordered collections carry an explicit `ord` so that a load returns them in
-- the order they were saved (round-trip fidelity).

CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'unit', 'lead', 'leader')),
  unit_id       TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES users (username),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_username ON sessions (username);

CREATE TABLE years (
  year         INTEGER PRIMARY KEY,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'in_progress', 'published')),
  published_at TEXT NOT NULL DEFAULT ''
);

-- One row per year that has a saved scheme; content_sha256 is the hash written
-- into the scheme.save audit record.
CREATE TABLE schemes (
  year           INTEGER PRIMARY KEY REFERENCES years (year),
  saved_at       TEXT NOT NULL,
  content_sha256 TEXT NOT NULL
);

CREATE TABLE categories (
  year           INTEGER NOT NULL REFERENCES schemes (year),
  id             TEXT NOT NULL,
  ord            INTEGER NOT NULL,
  name_zh        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  kind           TEXT NOT NULL,
  w_indicator    REAL NOT NULL,
  w_satisfaction REAL NOT NULL,
  w_leadership   REAL NOT NULL,
  bonus_cap      REAL NOT NULL,
  deduction_cap  REAL NOT NULL,
  PRIMARY KEY (year, id)
);

CREATE TABLE grade_levels (
  year        INTEGER NOT NULL,
  category_id TEXT NOT NULL,
  ord         INTEGER NOT NULL,
  code        TEXT NOT NULL,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  min_score   REAL NOT NULL,
  max_share   REAL,  -- NULL: no quota
  PRIMARY KEY (year, category_id, ord),
  FOREIGN KEY (year, category_id) REFERENCES categories (year, id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE units (
  year        INTEGER NOT NULL,
  id          TEXT NOT NULL,
  ord         INTEGER NOT NULL,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  category_id TEXT NOT NULL,
  parent_id   TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL,
  PRIMARY KEY (year, id),
  FOREIGN KEY (year, category_id) REFERENCES categories (year, id) DEFERRABLE INITIALLY DEFERRED
);

-- params, orientations, category_ids and unit_ids are JSON text: they are read
-- and written whole with the indicator and never queried inside SQL.
CREATE TABLE indicators (
  year            INTEGER NOT NULL REFERENCES schemes (year),
  id              TEXT NOT NULL,
  ord             INTEGER NOT NULL,
  parent_id       TEXT NOT NULL DEFAULT '',
  level           INTEGER NOT NULL,
  name_zh         TEXT NOT NULL,
  name_en         TEXT NOT NULL,
  points          REAL NOT NULL,
  direction       INTEGER NOT NULL CHECK (direction IN (1, -1)),
  unit_of_measure TEXT NOT NULL DEFAULT '',
  method          TEXT NOT NULL DEFAULT '',
  params          TEXT NOT NULL DEFAULT '{}',
  lead_unit_id    TEXT NOT NULL DEFAULT '',
  type            TEXT NOT NULL,
  orientations    TEXT NOT NULL DEFAULT '[]',
  category_ids    TEXT NOT NULL DEFAULT '[]',
  unit_ids        TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (year, id)
);

CREATE TABLE targets (
  year         INTEGER NOT NULL,
  indicator_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  value        REAL NOT NULL,
  PRIMARY KEY (year, indicator_id, unit_id),
  FOREIGN KEY (year, indicator_id) REFERENCES indicators (year, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (year, unit_id) REFERENCES units (year, id) DEFERRABLE INITIALLY DEFERRED
);

-- period: 'YYYY' (the scored year-end value) or 'YYYY-MM' (monthly, cumulative).
-- value NULL with no_data = 0 means "not reported".
CREATE TABLE data_values (
  year         INTEGER NOT NULL,
  indicator_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  period       TEXT NOT NULL,
  ord          INTEGER NOT NULL,
  value        REAL,
  no_data      INTEGER NOT NULL DEFAULT 0,
  entered_by   TEXT NOT NULL DEFAULT '',
  approved_by  TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (year, indicator_id, unit_id, period),
  FOREIGN KEY (year, indicator_id) REFERENCES indicators (year, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (year, unit_id) REFERENCES units (year, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX data_values_by_ord ON data_values (year, ord);

-- The other assessing subjects' scores (社会满意度, 领导评价); either may be NULL.
CREATE TABLE component_scores (
  year         INTEGER NOT NULL,
  unit_id      TEXT NOT NULL,
  satisfaction REAL,
  leadership   REAL,
  PRIMARY KEY (year, unit_id),
  FOREIGN KEY (year, unit_id) REFERENCES units (year, id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE adjustments (
  year        INTEGER NOT NULL,
  id          TEXT NOT NULL,
  ord         INTEGER NOT NULL,
  unit_id     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('bonus', 'deduction', 'veto')),
  points      REAL NOT NULL,
  veto_effect TEXT NOT NULL CHECK (veto_effect IN ('cap_qualified', 'fix_lowest')),
  reason_zh   TEXT NOT NULL DEFAULT '',
  reason_en   TEXT NOT NULL DEFAULT '',
  evidence    TEXT NOT NULL DEFAULT '',
  entered_by  TEXT NOT NULL DEFAULT '',
  approved_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, id),
  FOREIGN KEY (year, unit_id) REFERENCES units (year, id) DEFERRABLE INITIALLY DEFERRED
);

-- Append-only, hash-chained (see docs/design/store.md for the formula). ids are
-- assigned by the writer as last id + 1 inside the write transaction, so they
-- are dense and the chain order is the id order.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  before_json TEXT NOT NULL DEFAULT '',
  after_json  TEXT NOT NULL DEFAULT '',
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
