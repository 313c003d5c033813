-- 0020: 社会评价 invitation codes stored by their hash alone
-- (docs/design/survey.md "The journal in detail").
--
-- Every submission with a code looks its code up by hash, from a table of
-- up to millions of codes. As a rowid table with a separate unique index on
-- the hash, each lookup walked two B-trees (the index, then the row) and
-- mostly missed the page cache twice; WITHOUT ROWID keeps each row in the
-- hash's own B-tree: one walk. `used_by` goes: a code is used while it holds
-- a non-rejected response (the partial unique index on
-- survey_responses(survey_id, credential)), and nothing writes the column
-- any more. Nothing references this table, so it is rebuilt in place.
CREATE TABLE survey_codes_by_hash (
  code_hash   TEXT    PRIMARY KEY,
  survey_id   TEXT    NOT NULL REFERENCES surveys(id),
  group_id    TEXT    NOT NULL,
  cells       TEXT    NOT NULL DEFAULT '{}',  -- JSON object variable → level
  unit_id     TEXT    NOT NULL DEFAULT '',
  issued_at   INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO survey_codes_by_hash (code_hash, survey_id, group_id, cells, unit_id, issued_at)
  SELECT code_hash, survey_id, group_id, cells, unit_id, issued_at FROM survey_codes;
DROP TABLE survey_codes;
ALTER TABLE survey_codes_by_hash RENAME TO survey_codes;
CREATE INDEX survey_codes_survey ON survey_codes(survey_id);
