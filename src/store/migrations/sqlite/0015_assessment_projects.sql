-- 0015: the registry of assessment projects (考核项目规范 / 督查检查考核事项清单).
-- Other departments' own assessments of the same units (安全生产考核, 河长制考核
-- …), each applied for by its department and decided by the office: kept as a
-- separate project (approved), merged into the comprehensive evaluation
-- (merged), refused, or later abolished. Administrative, not scoring data: no
-- stage rule and no data version bump (docs/design/assessment_projects.md).
CREATE TABLE assessment_projects (
  year                 INTEGER NOT NULL,
  id                   TEXT    NOT NULL,  -- stable code, kept when copied to the next year
  ord                  INTEGER NOT NULL,  -- application order within the year
  name_zh              TEXT    NOT NULL,
  name_en              TEXT    NOT NULL DEFAULT '',
  department_id        TEXT    NOT NULL,  -- org unit running the project
  basis                TEXT    NOT NULL DEFAULT '',  -- legal basis / reason (设立依据)
  category_ids         TEXT    NOT NULL DEFAULT '[]',  -- JSON: whole categories applied for
  unit_ids             TEXT    NOT NULL DEFAULT '[]',  -- JSON: single units applied for
  assessed_unit_ids    TEXT    NOT NULL DEFAULT '[]',  -- JSON: the two resolved at the last write
  frequency            TEXT    NOT NULL,  -- annual | semiannual | quarterly | monthly | ad_hoc
  reports_per_year     INTEGER NOT NULL,  -- reports each assessed unit files a year
  status               TEXT    NOT NULL,  -- applied | approved | merged | refused | abolished
  merged_indicator_ids TEXT    NOT NULL DEFAULT '[]',  -- JSON: where a merged project went
  decision_note        TEXT    NOT NULL DEFAULT '',
  applied_by           TEXT    NOT NULL,
  applied_at           TEXT    NOT NULL,
  updated_at           TEXT    NOT NULL,
  decided_by           TEXT    NOT NULL DEFAULT '',
  decided_at           TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (year, id),
  CHECK (status IN ('applied', 'approved', 'merged', 'refused', 'abolished')),
  CHECK (reports_per_year BETWEEN 0 AND 366)
);
CREATE INDEX assessment_projects_by_department ON assessment_projects (year, department_id);
