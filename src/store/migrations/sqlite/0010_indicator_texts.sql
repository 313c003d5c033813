-- 0010: the scheme's own wording of each indicator, as offices write it in
-- their sheets: 考核内容 (what is assessed) and 评分标准 (how points are
-- given). Shown to units and lead departments; the scoring itself follows
-- the method and its parameters.
ALTER TABLE indicators ADD COLUMN content TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN criteria TEXT NOT NULL DEFAULT '';
