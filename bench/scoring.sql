-- The benchmark scheme (src/core/benchmark_scheme.h) in SQLite SQL with window
-- functions, over tables units, indicators, vals loaded from the gen CSVs.
-- Prints unit_id,category,total,rank,grade in unit order.
WITH s AS (
  SELECT v.unit_id,
         SUM(CASE WHEN v.actual IS NULL THEN 0
                  ELSE i.points * MIN(1.2, MAX(0.0,
                         CASE WHEN i.direction = 1 THEN v.actual / v.target
                              WHEN v.actual = 0 THEN 1.2
                              ELSE v.target / v.actual END)) END) AS total
  FROM vals v JOIN indicators i ON i.indicator_id = v.indicator_id
  GROUP BY v.unit_id),
r AS (
  SELECT s.unit_id, u.category, s.total,
         RANK() OVER (PARTITION BY u.category ORDER BY s.total DESC) AS rnk,
         COUNT(*) OVER (PARTITION BY u.category) AS n
  FROM s JOIN units u ON u.unit_id = s.unit_id)
SELECT unit_id, category, total, rnk,
       CASE WHEN rnk <= CAST(0.3 * n + 1e-9 AS INTEGER) AND total >= 90 THEN 'excellent'
            WHEN total >= 80 THEN 'good'
            WHEN total >= 60 THEN 'qualified'
            ELSE 'unqualified' END
FROM r ORDER BY unit_id;
