-- 0014: 整改 rectification — after its feedback report (绩效反馈) a unit files
-- a plan of items, each tied to a lost point (an indicator) or an opinion
-- (意见建议), with an owner (责任人), a deadline and a measure (整改措施);
-- it reports progress with evidence (the content-addressed evidence_files of
-- 0009, referenced by SHA-256); the office closes or reopens items with a
-- note. Rectification is written after publication and changes nothing a
-- year evaluates to: it never bumps years.data_version.

CREATE TABLE rectification_items (
  year          INTEGER NOT NULL REFERENCES years (year),
  id            INTEGER NOT NULL,  -- per year, last + 1
  unit_id       TEXT NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('indicator', 'opinion')),
  indicator_id  TEXT NOT NULL DEFAULT '',
  opinion_id    TEXT NOT NULL DEFAULT '',
  problem       TEXT NOT NULL DEFAULT '',
  measure       TEXT NOT NULL,
  owner         TEXT NOT NULL,
  deadline      TEXT NOT NULL,     -- YYYY-MM-DD
  state         TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  progress      INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  note          TEXT NOT NULL DEFAULT '',
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  closed_by     TEXT NOT NULL DEFAULT '',
  closed_at     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, id)
);
CREATE INDEX rectification_items_unit ON rectification_items (year, unit_id);

-- Every step of an item (filed, progress, edit, close, reopen), oldest first.
CREATE TABLE rectification_events (
  year      INTEGER NOT NULL,
  item_id   INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  role      TEXT NOT NULL,
  action    TEXT NOT NULL,
  text      TEXT NOT NULL DEFAULT '',
  progress  INTEGER,
  PRIMARY KEY (year, item_id, seq),
  FOREIGN KEY (year, item_id) REFERENCES rectification_items (year, id)
);

CREATE TABLE rectification_evidence (
  year       INTEGER NOT NULL,
  item_id    INTEGER NOT NULL,
  sha256     TEXT NOT NULL REFERENCES evidence_files (sha256),
  ord        INTEGER NOT NULL,
  file_name  TEXT NOT NULL,
  added_by   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (year, item_id, sha256),
  FOREIGN KEY (year, item_id) REFERENCES rectification_items (year, id)
);
