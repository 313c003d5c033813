-- 0007: reserved for a concurrently developed migration (numbers have no
-- gaps). Placeholder so that 0008 applies on this branch; when the branch that
-- owns 0007 is merged, its file replaces this one.
SELECT 1;
