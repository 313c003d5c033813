-- 0011: reserved. Migrations run without gaps; this number belongs to work
-- developed in parallel (0011 year-end assessment, 0012 publication and
-- appeals). This placeholder changes nothing and is replaced by that
-- migration when the branches are merged (delete this file then).
SELECT 1;
