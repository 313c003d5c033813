-- 0008: reserved for a concurrently developed migration (numbers have no
-- gaps). Placeholder so that 0009 applies on this branch; when the branch that
-- owns 0008 is merged, its file replaces this one.
SELECT 1;
