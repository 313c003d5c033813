-- 0012: 公示 (preliminary results with an appeal window), committee approval
-- (评估委员会审定) and publication as a verifiable record: an immutable
-- snapshot of the evaluated results and a certificate over the year's data,
-- scheme, engine version, results and audit chain head.
--
-- The window, approval and publication tables are insert-only: there is no
-- update path in the store API, and the triggers below refuse UPDATE and
-- DELETE, so a published record can only be checked (govperf verify-result),
-- never rewritten. An appeal moves through its states (filed → answered →
-- upheld | rejected), each step audited; it is never deleted.

-- The 公示 window, recorded when the year enters preliminary (again after a
-- reopening: seq 2, …; the latest one applies).
CREATE TABLE publicity_windows (
  year         INTEGER NOT NULL REFERENCES years (year),
  seq          INTEGER NOT NULL,
  start_date   TEXT NOT NULL,             -- YYYY-MM-DD
  end_date     TEXT NOT NULL,             -- YYYY-MM-DD, the last day appeals are accepted
  working_days INTEGER NOT NULL DEFAULT 0, -- the length asked for; 0: an explicit end date
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  PRIMARY KEY (year, seq)
);

-- 评估委员会审定: the committee's approval of the window's results.
CREATE TABLE committee_approvals (
  year         INTEGER NOT NULL REFERENCES years (year),
  window_seq   INTEGER NOT NULL,          -- the window whose results it approved
  meeting_date TEXT NOT NULL,             -- YYYY-MM-DD
  meeting_ref  TEXT NOT NULL,             -- e.g. the minutes' number
  note         TEXT NOT NULL DEFAULT '',
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  PRIMARY KEY (year, window_seq)
);

-- The publication record: results snapshot (canonical JSON) and certificate.
CREATE TABLE publications (
  year                 INTEGER PRIMARY KEY REFERENCES years (year),
  at                   TEXT NOT NULL,
  actor                TEXT NOT NULL,
  data_version         INTEGER NOT NULL,  -- the version the results were computed at
  data_sha256          TEXT NOT NULL,     -- the year's data (store::YearDataContentHash)
  previous_data_sha256 TEXT NOT NULL,     -- last year's data ('' when none): scored against
  scheme_sha256        TEXT NOT NULL,     -- the scheme in force (store::SchemeContentHash)
  scheme_version       INTEGER NOT NULL,  -- its published version number (0: never versioned)
  engine_version       TEXT NOT NULL,     -- core::kEngineVersion
  results_sha256       TEXT NOT NULL,     -- SHA-256 of `results`
  audit_head_id        INTEGER NOT NULL,  -- the audit chain head just before publication
  audit_head_hash      TEXT NOT NULL,
  certificate_sha256   TEXT NOT NULL,     -- SHA-256 of the certificate text (store/codec.h)
  results              TEXT NOT NULL      -- the canonical results snapshot
);

-- 申诉: a unit's appeal against one indicator score of its own, or against a
-- deduction or veto on it, during the window.
CREATE TABLE appeals (
  year          INTEGER NOT NULL REFERENCES years (year),
  id            INTEGER NOT NULL,          -- 1, 2, … per year
  window_seq    INTEGER NOT NULL,
  unit_id       TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('indicator', 'adjustment')),
  indicator_id  TEXT NOT NULL DEFAULT '',  -- kind indicator
  adjustment_id TEXT NOT NULL DEFAULT '',  -- kind adjustment
  claimed_value REAL,                      -- kind indicator: the value the unit claims
  reason        TEXT NOT NULL,
  evidence      TEXT NOT NULL DEFAULT '[]',  -- JSON list of evidence_files sha256
  state         TEXT NOT NULL CHECK (state IN ('filed', 'answered', 'upheld', 'rejected')),
  filed_by      TEXT NOT NULL,
  filed_at      TEXT NOT NULL,
  answer        TEXT NOT NULL DEFAULT '',
  answered_by   TEXT NOT NULL DEFAULT '',
  answered_at   TEXT NOT NULL DEFAULT '',
  decision      TEXT NOT NULL DEFAULT '',
  decided_by    TEXT NOT NULL DEFAULT '',
  decided_at    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, id)
);

CREATE TRIGGER publicity_windows_insert_only_u BEFORE UPDATE ON publicity_windows
BEGIN SELECT RAISE(ABORT, 'publicity_windows is insert-only'); END;
CREATE TRIGGER publicity_windows_insert_only_d BEFORE DELETE ON publicity_windows
BEGIN SELECT RAISE(ABORT, 'publicity_windows is insert-only'); END;
CREATE TRIGGER committee_approvals_insert_only_u BEFORE UPDATE ON committee_approvals
BEGIN SELECT RAISE(ABORT, 'committee_approvals is insert-only'); END;
CREATE TRIGGER committee_approvals_insert_only_d BEFORE DELETE ON committee_approvals
BEGIN SELECT RAISE(ABORT, 'committee_approvals is insert-only'); END;
CREATE TRIGGER publications_insert_only_u BEFORE UPDATE ON publications
BEGIN SELECT RAISE(ABORT, 'publications is insert-only'); END;
CREATE TRIGGER publications_insert_only_d BEFORE DELETE ON publications
BEGIN SELECT RAISE(ABORT, 'publications is insert-only'); END;
