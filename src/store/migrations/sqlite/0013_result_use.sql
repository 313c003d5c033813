-- 0013: result use (结果运用). Per year, what each grade leads to (the
-- office's table: bonus coefficient 绩效奖金系数, input to cadre evaluation,
-- budget note, accountability action), and every application of a result to
-- a unit as the office records it. Applications are made after publication;
-- they are not scoring data and never change a result.
CREATE TABLE result_use_rules (
  year              INTEGER NOT NULL,
  ord               INTEGER NOT NULL,
  grade             TEXT    NOT NULL,  -- GradeLevel::code of the year's scheme
  bonus_coefficient REAL,              -- NULL: none set
  cadre             TEXT    NOT NULL DEFAULT '',
  budget            TEXT    NOT NULL DEFAULT '',
  accountability    TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (year, ord),
  UNIQUE (year, grade)
);

CREATE TABLE result_use_records (
  year        INTEGER NOT NULL,
  id          INTEGER NOT NULL,
  unit_id     TEXT    NOT NULL,
  kind        TEXT    NOT NULL,  -- bonus | cadre | budget | accountability | other
  outcome     TEXT    NOT NULL,
  coefficient REAL,
  reference   TEXT    NOT NULL DEFAULT '',  -- 文号
  decided_on  TEXT    NOT NULL DEFAULT '',  -- YYYY-MM-DD
  recorded_by TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  PRIMARY KEY (year, id)
);
CREATE INDEX result_use_records_by_unit ON result_use_records (unit_id, year);
