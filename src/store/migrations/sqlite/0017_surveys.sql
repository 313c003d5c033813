-- 0017: 社会评价 public satisfaction surveys (docs/design/survey.md).
--
-- A survey's definition (groups, questions, scale → points, margins, quotas,
-- quality thresholds) is one aggregate, stored as canonical JSON: it is small,
-- read whole, and replaced whole while the survey is a draft (after that only
-- the margins, quotas, minimum sample, window and thresholds may change).
CREATE TABLE surveys (
  id             TEXT    PRIMARY KEY,
  year           INTEGER NOT NULL REFERENCES years(year),
  title_zh       TEXT    NOT NULL,
  status         TEXT    NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  definition     TEXT    NOT NULL,  -- canonical JSON of core::survey::Survey (id, year, status excluded)
  content_sha256 TEXT    NOT NULL,  -- of definition
  created_by     TEXT    NOT NULL,
  updated_at     INTEGER NOT NULL   -- unix seconds
);
CREATE INDEX surveys_year ON surveys(year);

-- One-time invitation codes (邀请码). The code is shown once when issued and
-- stored only as its SHA-256. A code carries the respondent's group and may
-- fix raking cells (e.g. the district) and the unit the invitee rates.
CREATE TABLE survey_codes (
  code_hash   TEXT    PRIMARY KEY,
  survey_id   TEXT    NOT NULL REFERENCES surveys(id),
  group_id    TEXT    NOT NULL,
  cells       TEXT    NOT NULL DEFAULT '{}',  -- JSON object variable → level
  unit_id     TEXT    NOT NULL DEFAULT '',
  issued_at   INTEGER NOT NULL,
  used_by     INTEGER                         -- survey_responses.id once used
);
CREATE INDEX survey_codes_survey ON survey_codes(survey_id);

-- A group commit: the responses written by one transaction of the response
-- journal, with one audit record holding the batch's SHA-256 (the hash of
-- its responses' canonical rows in id order), so the audit chain grows per
-- batch rather than per response.
CREATE TABLE survey_batches (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  survey_id      TEXT    NOT NULL,  -- '' when the batch spans several surveys
  first_id       INTEGER NOT NULL,
  last_id        INTEGER NOT NULL,
  count          INTEGER NOT NULL,
  content_sha256 TEXT    NOT NULL,
  committed_at   INTEGER NOT NULL,
  audit_id       INTEGER NOT NULL
);

-- Every response, kept with a status and a reason; never deleted.
CREATE TABLE survey_responses (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  survey_id       TEXT    NOT NULL REFERENCES surveys(id),
  channel         TEXT    NOT NULL CHECK (channel IN ('code', 'link')),
  credential      TEXT    NOT NULL,  -- SHA-256 of the code or device token
  idempotency_key TEXT    NOT NULL,
  group_id        TEXT    NOT NULL,
  cells           TEXT    NOT NULL,  -- JSON object variable → level
  answers         TEXT    NOT NULL,  -- JSON object question id → value
  started_at_ms   INTEGER NOT NULL,
  submitted_at_ms INTEGER NOT NULL,
  received_at     INTEGER NOT NULL,
  client_hash     TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('accepted', 'flagged', 'rejected')),
  reason          TEXT    NOT NULL DEFAULT '',
  batch_id        INTEGER NOT NULL,
  reviewed_by     TEXT    NOT NULL DEFAULT '',
  review_note     TEXT    NOT NULL DEFAULT '',
  reviewed_at     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (survey_id, idempotency_key)
);
-- One counted response per code or device token (rejected records, kept for
-- the audit, do not hold the credential).
CREATE UNIQUE INDEX survey_responses_credential ON survey_responses(survey_id, credential)
  WHERE status <> 'rejected';
CREATE INDEX survey_responses_status ON survey_responses(survey_id, status, id);

-- 意见建议 topics: a keyword list and the lead department that answers
-- opinions naming the topic (e.g. 营商环境 → 发展改革委).
CREATE TABLE opinion_topics (
  year         INTEGER NOT NULL REFERENCES years(year),
  id           TEXT    NOT NULL,
  ord          INTEGER NOT NULL,
  name_zh      TEXT    NOT NULL,
  name_en      TEXT    NOT NULL DEFAULT '',
  keywords     TEXT    NOT NULL,  -- JSON array of strings
  lead_unit_id TEXT    NOT NULL,
  PRIMARY KEY (year, id)
);

-- 意见建议 opinions: a free-text answer routed to its unit (and to a lead
-- department when it names a topic it leads), answered, and closed, possibly
-- through a rectification item.
CREATE TABLE survey_opinions (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  year             INTEGER NOT NULL,
  survey_id        TEXT    NOT NULL REFERENCES surveys(id),
  response_id      INTEGER NOT NULL,
  question_id      TEXT    NOT NULL,
  unit_id          TEXT    NOT NULL,  -- the unit it is about ('' when unknown: the office routes it)
  topic_id         TEXT    NOT NULL DEFAULT '',
  lead_unit_id     TEXT    NOT NULL DEFAULT '',
  text             TEXT    NOT NULL,
  state            TEXT    NOT NULL CHECK (state IN ('routed', 'answered', 'closed', 'dismissed')),
  answer           TEXT    NOT NULL DEFAULT '',
  answered_by      TEXT    NOT NULL DEFAULT '',
  answered_at      INTEGER NOT NULL DEFAULT 0,
  rectification_id INTEGER NOT NULL DEFAULT 0,
  closed_by        TEXT    NOT NULL DEFAULT '',
  closed_at        INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  UNIQUE (response_id, question_id)
);
CREATE INDEX survey_opinions_unit ON survey_opinions(year, unit_id);

-- The computed satisfaction per unit and group (group_id '' = the unit's
-- weighted score), written when the office applies a closed survey's results
-- to the year's satisfaction scores.
CREATE TABLE survey_results (
  survey_id    TEXT    NOT NULL REFERENCES surveys(id),
  unit_id      TEXT    NOT NULL,
  group_id     TEXT    NOT NULL,
  n            INTEGER NOT NULL,  -- accepted respondents with a scale answer about the unit
  n_dont_know  INTEGER NOT NULL,
  score        REAL,              -- 0..100; NULL without answers
  se           REAL,
  ci_low       REAL,
  ci_high      REAL,
  warning      TEXT    NOT NULL DEFAULT '',
  computed_at  INTEGER NOT NULL,
  PRIMARY KEY (survey_id, unit_id, group_id)
);
