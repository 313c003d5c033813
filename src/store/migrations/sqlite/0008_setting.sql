-- 0008: indicator setting (指标设置) — target negotiation with its history,
-- expert comments, published scheme versions (snapshots; the year's scheme
-- tables stay the version in force), adjustment requests (调整程序), and the
-- power-and-responsibility list (权责清单) with its links to duty indicators.
--
-- Indicator and unit ids are not foreign keys here: node edits replace the
-- scheme's rows inside one transaction, and these rows are history that must
-- outlive a node's removal. Readers join them against the scheme in force.

-- One row per (indicator, unit) being negotiated: its current state.
CREATE TABLE target_negotiations (
  year         INTEGER NOT NULL REFERENCES years (year),
  indicator_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('proposed', 'countered', 'escalated', 'agreed',
                                              'decided')),
  lead_value   REAL,
  unit_value   REAL,
  agreed_value REAL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (year, indicator_id, unit_id)
);

-- Every step of every negotiation, oldest first (seq per year).
CREATE TABLE target_events (
  year         INTEGER NOT NULL REFERENCES years (year),
  seq          INTEGER NOT NULL,
  indicator_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  role         TEXT NOT NULL,
  action       TEXT NOT NULL,
  value        REAL,
  reason       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, seq)
);
CREATE INDEX target_events_pair ON target_events (year, indicator_id, unit_id, seq);

-- 专家意见: comments on indicators while the scheme is drafted.
CREATE TABLE indicator_comments (
  year         INTEGER NOT NULL REFERENCES years (year),
  id           INTEGER NOT NULL,
  indicator_id TEXT NOT NULL,
  at           TEXT NOT NULL,
  author       TEXT NOT NULL,
  role         TEXT NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (year, id)
);

-- Published versions of a year's scheme: version 1 at publication, N+1 at
-- each approved adjustment. content is the scheme file (docs/scheme-format.md).
CREATE TABLE scheme_versions (
  year           INTEGER NOT NULL REFERENCES years (year),
  version        INTEGER NOT NULL CHECK (version >= 1),
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  change_request INTEGER NOT NULL DEFAULT 0,
  content        TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  PRIMARY KEY (year, version)
);

-- 调整申请: a change to the published scheme asked for by a unit or a lead
-- department (or the office), decided by the office.
CREATE TABLE change_requests (
  year           INTEGER NOT NULL REFERENCES years (year),
  id             INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('target', 'points', 'method', 'applicability')),
  indicator_id   TEXT NOT NULL,
  unit_id        TEXT NOT NULL DEFAULT '',
  change         TEXT NOT NULL,
  reason         TEXT NOT NULL,
  evidence       TEXT NOT NULL DEFAULT '',
  state          TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  requested_by   TEXT NOT NULL,
  requested_role TEXT NOT NULL,
  requested_unit TEXT NOT NULL DEFAULT '',
  requested_at   TEXT NOT NULL,
  decided_by     TEXT NOT NULL DEFAULT '',
  decided_at     TEXT NOT NULL DEFAULT '',
  decision       TEXT NOT NULL DEFAULT '',
  version        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, id)
);

-- 权责清单: a unit's duty items, and which indicators cover which items.
CREATE TABLE duty_items (
  year     INTEGER NOT NULL REFERENCES years (year),
  unit_id  TEXT NOT NULL,
  id       TEXT NOT NULL,
  ord      INTEGER NOT NULL,
  title    TEXT NOT NULL,
  basis    TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, unit_id, id)
);
CREATE TABLE duty_links (
  year         INTEGER NOT NULL,
  unit_id      TEXT NOT NULL,
  item_id      TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  PRIMARY KEY (year, unit_id, item_id, indicator_id),
  FOREIGN KEY (year, unit_id, item_id) REFERENCES duty_items (year, unit_id, id)
);

-- Leaf fields set with the scheme: where the value comes from, how often it
-- is reported, and what evidence must come with it.
ALTER TABLE indicators ADD COLUMN data_source TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN frequency TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN evidence_rules TEXT NOT NULL DEFAULT '';
