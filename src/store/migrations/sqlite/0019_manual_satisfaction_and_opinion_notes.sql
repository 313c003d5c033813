-- govperf:foreign-keys-off
-- 0019: hand-entered satisfaction is a source too, and the office's words of
-- opinions stored before 0018 move from the answer to the note
-- (docs/design/survey.md). Rebuilds survey_satisfaction_sources, hence the
-- marker above: foreign keys are off around this migration and checked
-- before it commits.
--
-- 1. survey_satisfaction_sources records who supplied each unit's
--    satisfaction: a survey's apply (source 'survey', survey_id set) or the
--    office typing it in (source 'manual' 手工录入, survey_id NULL; applied_by
--    and applied_at say who and when). Survey-supplied rows are kept as they
--    are. Satisfaction typed in before this migration left no trace, so it
--    has no row: only entries made from now on are recorded.
CREATE TABLE survey_satisfaction_sources_0019 (
  year       INTEGER NOT NULL REFERENCES years(year),
  unit_id    TEXT    NOT NULL,
  source     TEXT    NOT NULL DEFAULT 'survey' CHECK (source IN ('survey', 'manual')),
  survey_id  TEXT    REFERENCES surveys(id),
  applied_by TEXT    NOT NULL,
  applied_at INTEGER NOT NULL,  -- unix seconds
  PRIMARY KEY (year, unit_id),
  CHECK ((source = 'survey') = (survey_id IS NOT NULL))
);
INSERT INTO survey_satisfaction_sources_0019 (year, unit_id, source, survey_id, applied_by,
                                              applied_at)
  SELECT year, unit_id, 'survey', survey_id, applied_by, applied_at
  FROM survey_satisfaction_sources;
DROP TABLE survey_satisfaction_sources;
ALTER TABLE survey_satisfaction_sources_0019 RENAME TO survey_satisfaction_sources;

-- 2. Opinions written before 0018 kept the office's words in `answer`
--    (0018 added `note` and left old rows as they were). Before 0018:
--    - only a routed (unanswered) opinion could be dismissed, and the
--      dismissal wrote its reason as the answer, with answered_by =
--      closed_by and answered_at = closed_at;
--    - closing an unanswered opinion wrote the office's note as the answer,
--      again with answered_by = closed_by and answered_at = closed_at.
--    Since 0018 a dismissal always writes a non-empty note (the reason is
--    required), and the office never writes an answer: answers come from
--    the unit or a lead department, which cannot close or dismiss. So the
--    rule below moves exactly the old rows' office words: a dismissed or
--    closed opinion with an empty note whose answer was written by the one
--    who closed it, at the moment of closing — the dismissal's reason or the
--    close note. A closed opinion a unit had answered (answered_by ≠
--    closed_by) keeps its answer; rows already with a note are not touched.
--    The moved words clear answered_by and answered_at: nobody answered the
--    citizen. (A migration writes no audit record; the schema_version row
--    dates the move.)
UPDATE survey_opinions
   SET note = answer, answer = '', answered_by = '', answered_at = 0
 WHERE note = '' AND answer <> '' AND state IN ('dismissed', 'closed') AND
       answered_by = closed_by AND answered_at = closed_at;
