-- 0018: 社会评价 opinion notes and the survey behind each unit's satisfaction
-- (docs/design/survey.md).
--
-- 1. An opinion's note: the office's own words (a dismissal's reason, the
--    note it closes an opinion with), kept apart from the answer to the
--    citizen. Rows written before keep their data as they are.
ALTER TABLE survey_opinions ADD COLUMN note TEXT NOT NULL DEFAULT '';

-- 2. Which survey supplied each unit's satisfaction for the year, so a
--    second survey of the year cannot silently overwrite the first one's
--    scores (surveys covering different units combine; replacing another
--    survey's units is an explicit, audited choice).
CREATE TABLE survey_satisfaction_sources (
  year       INTEGER NOT NULL REFERENCES years(year),
  unit_id    TEXT    NOT NULL,
  survey_id  TEXT    NOT NULL REFERENCES surveys(id),
  applied_by TEXT    NOT NULL,
  applied_at INTEGER NOT NULL,  -- unix seconds
  PRIMARY KEY (year, unit_id)
);

-- 3. Fieldwork progress counts by (group, status) without reading the rows:
--    a covering index for the GROUP BY.
CREATE INDEX survey_responses_group ON survey_responses(survey_id, group_id, status);

