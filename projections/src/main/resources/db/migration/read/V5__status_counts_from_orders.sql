-- Orders per status are counted from the orders table (indexed by status) instead of being kept in
-- four shared counter rows: every segment updated those same rows, which serialised the projection
-- and deadlocked concurrent batches (docs/performance.md).
DO $$
DECLARE
    live INTEGER;
BEGIN
    SELECT active INTO live FROM read.projection_generation WHERE model = 'orders';
    DROP VIEW IF EXISTS read.order_status_counts;
    EXECUTE format('DROP TABLE IF EXISTS read.order_status_counts_g%s', live);
END
$$;
