-- 0009: 日常监测 monitoring — reports per (unit, leaf, period) with their
-- evidence files, the year's calendar of node tasks (节点任务), the working-day
-- calendar (法定节假日 / 调休), per-year monitoring settings (due day,
-- escalation, progress thresholds, reporting frequencies), recorded
-- escalations (提醒 / 黄牌 / 红牌) and the per-user inbox (站内消息).
--
-- A report row exists once submitted; "due" is the absence of a row for a
-- period the calendar expects. Evidence files are content-addressed: one row
-- per distinct SHA-256, referenced by any number of reports.

CREATE TABLE monitoring_reports (
  year          INTEGER NOT NULL REFERENCES years (year),
  indicator_id  TEXT NOT NULL,
  unit_id       TEXT NOT NULL,
  period        TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('submitted', 'verified', 'returned')),
  value         REAL,
  no_data       INTEGER NOT NULL DEFAULT 0,
  narrative     TEXT NOT NULL DEFAULT '',
  due_date      TEXT NOT NULL DEFAULT '',
  late          INTEGER NOT NULL DEFAULT 0,
  submissions   INTEGER NOT NULL DEFAULT 1,
  submitted_by  TEXT NOT NULL DEFAULT '',
  submitted_at  TEXT NOT NULL DEFAULT '',
  decided_by    TEXT NOT NULL DEFAULT '',
  decided_at    TEXT NOT NULL DEFAULT '',
  return_reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, indicator_id, unit_id, period)
);

CREATE TABLE evidence_files (
  sha256       TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content      BLOB NOT NULL,
  stored_at    TEXT NOT NULL
);

CREATE TABLE report_evidence (
  year         INTEGER NOT NULL,
  indicator_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  period       TEXT NOT NULL,
  sha256       TEXT NOT NULL REFERENCES evidence_files (sha256),
  ord          INTEGER NOT NULL,
  file_name    TEXT NOT NULL,
  added_by     TEXT NOT NULL,
  added_at     TEXT NOT NULL,
  PRIMARY KEY (year, indicator_id, unit_id, period, sha256),
  FOREIGN KEY (year, indicator_id, unit_id, period)
    REFERENCES monitoring_reports (year, indicator_id, unit_id, period)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX report_evidence_by_sha ON report_evidence (sha256);

CREATE TABLE monitoring_settings (
  year                   INTEGER PRIMARY KEY REFERENCES years (year),
  default_frequency      TEXT NOT NULL DEFAULT 'quarterly',
  due_days_after         INTEGER NOT NULL DEFAULT 10,
  reminder_working_days  INTEGER NOT NULL DEFAULT 3,
  red_after_working_days INTEGER NOT NULL DEFAULT 5,
  progress_green         REAL NOT NULL DEFAULT 1.0,
  progress_yellow        REAL NOT NULL DEFAULT 0.8,
  frequencies            TEXT NOT NULL DEFAULT '{}'  -- JSON {indicator id: frequency}
);

CREATE TABLE node_tasks (
  year      INTEGER NOT NULL REFERENCES years (year),
  id        TEXT NOT NULL,
  ord       INTEGER NOT NULL,
  name_zh   TEXT NOT NULL,
  name_en   TEXT NOT NULL DEFAULT '',
  stage     TEXT NOT NULL DEFAULT '',
  from_role TEXT NOT NULL DEFAULT '',
  from_unit TEXT NOT NULL DEFAULT '',
  due_date  TEXT NOT NULL,
  done      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, id)
);

CREATE TABLE calendar_days (
  date    TEXT PRIMARY KEY,  -- YYYY-MM-DD
  working INTEGER NOT NULL,  -- 1: adjusted working day (调休上班); 0: holiday
  name_zh TEXT NOT NULL DEFAULT '',
  name_en TEXT NOT NULL DEFAULT ''
);

CREATE TABLE escalations (
  year         INTEGER NOT NULL,
  subject      TEXT NOT NULL,  -- "report:IND/UNIT/PERIOD" or "task:ID"
  level        TEXT NOT NULL CHECK (level IN ('reminder', 'yellow', 'red')),
  on_date      TEXT NOT NULL,
  unit_id      TEXT NOT NULL DEFAULT '',
  working_days INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, subject, level)  -- each level once per subject
);

CREATE TABLE inbox_messages (
  id        INTEGER PRIMARY KEY,
  username  TEXT NOT NULL,
  at        TEXT NOT NULL,
  kind      TEXT NOT NULL,
  year      INTEGER NOT NULL DEFAULT 0,
  subject   TEXT NOT NULL DEFAULT '',
  title_zh  TEXT NOT NULL,
  title_en  TEXT NOT NULL DEFAULT '',
  body_zh   TEXT NOT NULL DEFAULT '',
  body_en   TEXT NOT NULL DEFAULT '',
  dedup_key TEXT NOT NULL DEFAULT '',
  read_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inbox_by_user ON inbox_messages (username, id);
CREATE UNIQUE INDEX inbox_dedup ON inbox_messages (username, dedup_key) WHERE dedup_key <> '';
