-- 0011: 年终考核 year-end assessment — self-evaluations (自评) with the lead
-- department's scoring (牵头单位评分), the office's spot checks (抽查),
-- bonus / deduction / veto claims (加减分与否决申报) with expert opinions,
-- and the leadership rating (领导评价): the year's form, leader levels and
-- assignments, and each leader's ratings.
--
-- Evidence files are the monitoring store's (evidence_files, content
-- addressed); year_end_evidence links them to a self-evaluation
-- ('self:IND/UNIT') or a claim ('claim:ID').

CREATE TABLE self_evaluations (
  year           INTEGER NOT NULL REFERENCES years (year),
  indicator_id   TEXT NOT NULL,
  unit_id        TEXT NOT NULL,
  value          REAL,
  no_data        INTEGER NOT NULL DEFAULT 0,
  text           TEXT NOT NULL DEFAULT '',
  submissions    INTEGER NOT NULL DEFAULT 0,
  submitted_by   TEXT NOT NULL DEFAULT '',
  submitted_at   TEXT NOT NULL DEFAULT '',
  scored         INTEGER NOT NULL DEFAULT 0,
  scored_value   REAL,
  scored_no_data INTEGER NOT NULL DEFAULT 0,
  reason         TEXT NOT NULL DEFAULT '',
  earned         REAL,
  points         REAL,
  scored_by      TEXT NOT NULL DEFAULT '',
  scored_at      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, indicator_id, unit_id)
);

CREATE TABLE year_end_evidence (
  year      INTEGER NOT NULL REFERENCES years (year),
  subject   TEXT NOT NULL,
  sha256    TEXT NOT NULL REFERENCES evidence_files (sha256),
  ord       INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  added_by  TEXT NOT NULL,
  added_at  TEXT NOT NULL,
  PRIMARY KEY (year, subject, sha256)
);

CREATE TABLE spot_checks (
  year     INTEGER NOT NULL REFERENCES years (year),
  id       INTEGER NOT NULL,
  seed     TEXT NOT NULL,
  size     INTEGER NOT NULL,
  drawn_by TEXT NOT NULL,
  drawn_at TEXT NOT NULL,
  PRIMARY KEY (year, id)
);

CREATE TABLE spot_check_items (
  year         INTEGER NOT NULL,
  check_id     INTEGER NOT NULL,
  ord          INTEGER NOT NULL,
  indicator_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  finding      TEXT NOT NULL DEFAULT '' CHECK (finding IN ('', 'confirmed', 'corrected')),
  value        REAL,
  reason       TEXT NOT NULL DEFAULT '',
  checked_by   TEXT NOT NULL DEFAULT '',
  checked_at   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, check_id, indicator_id, unit_id),
  FOREIGN KEY (year, check_id) REFERENCES spot_checks (year, id)
);

CREATE TABLE year_end_claims (
  year         INTEGER NOT NULL REFERENCES years (year),
  id           INTEGER NOT NULL,
  unit_id      TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('bonus', 'deduction', 'veto')),
  category     TEXT NOT NULL DEFAULT '',
  points       REAL NOT NULL DEFAULT 0,
  veto_effect  TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL,
  raised_by    TEXT NOT NULL,
  raised_role  TEXT NOT NULL,
  raised_unit  TEXT NOT NULL DEFAULT '',
  raised_at    TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_by   TEXT NOT NULL DEFAULT '',
  decided_at   TEXT NOT NULL DEFAULT '',
  decision     TEXT NOT NULL DEFAULT '',
  adjustment_id TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, id)
);

CREATE TABLE claim_opinions (
  year     INTEGER NOT NULL,
  claim_id INTEGER NOT NULL,
  expert   TEXT NOT NULL,
  opinion  TEXT NOT NULL CHECK (opinion IN ('support', 'oppose', 'neutral')),
  text     TEXT NOT NULL,
  at       TEXT NOT NULL,
  PRIMARY KEY (year, claim_id, expert),
  FOREIGN KEY (year, claim_id) REFERENCES year_end_claims (year, id)
);

-- The form, levels and assignments as one JSON document (store.h RatingSetup).
CREATE TABLE rating_setups (
  year      INTEGER PRIMARY KEY REFERENCES years (year),
  setup     TEXT NOT NULL,
  closed_by TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE leader_ratings (
  year     INTEGER NOT NULL REFERENCES years (year),
  username TEXT NOT NULL,
  unit_id  TEXT NOT NULL,
  scores   TEXT NOT NULL,  -- JSON object: dimension id → value on the form's scale
  at       TEXT NOT NULL,
  PRIMARY KEY (year, username, unit_id)
);
