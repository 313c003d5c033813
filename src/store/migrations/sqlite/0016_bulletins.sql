-- 0016: quarterly bulletins (季度通报) of monitoring progress. An issued
-- bulletin is a frozen snapshot: its content (canonical JSON of the bulletin
-- as computed when issued) and the content's SHA-256 are never recomputed.
-- One per year and quarter; numbered 第N期 in the order issued within the year.
-- Insert-only: triggers refuse UPDATE and DELETE.
CREATE TABLE bulletins (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  year           INTEGER NOT NULL,
  quarter        INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  number         INTEGER NOT NULL CHECK (number >= 1),
  issued_on      TEXT    NOT NULL,  -- YYYY-MM-DD (China)
  issued_by      TEXT    NOT NULL,
  issued_at      TEXT    NOT NULL,  -- ISO 8601 UTC
  foreword       TEXT    NOT NULL DEFAULT '',
  content        TEXT    NOT NULL,  -- canonical JSON of the bulletin
  content_sha256 TEXT    NOT NULL,
  UNIQUE (year, quarter),
  UNIQUE (year, number)
);

CREATE TRIGGER bulletins_no_update BEFORE UPDATE ON bulletins
BEGIN
  SELECT RAISE(ABORT, 'bulletins are insert-only');
END;
CREATE TRIGGER bulletins_no_delete BEFORE DELETE ON bulletins
BEGIN
  SELECT RAISE(ABORT, 'bulletins are insert-only');
END;
