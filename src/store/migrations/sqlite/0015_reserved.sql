-- 0015: reserved. The number belongs to a migration written on another
-- branch at the same time (the registry of assessment projects); this file
-- only keeps the numbering contiguous so that 0016 applies on its own. When
-- both branches meet, that branch's 0015 replaces this file (delete it).
SELECT 1;
