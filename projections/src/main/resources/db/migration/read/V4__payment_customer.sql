-- Payments remember the customer they belong to, so that a client sees only its own.
DO $$
DECLARE
    live INTEGER;
BEGIN
    SELECT active INTO live FROM read.projection_generation WHERE model = 'payments';
    EXECUTE format('ALTER TABLE read.payments_g%s ADD COLUMN customer_id VARCHAR(64)', live);
    EXECUTE format('CREATE INDEX ON read.payments_g%s (customer_id, created_at, payment_id)', live);
    EXECUTE format('CREATE OR REPLACE VIEW read.payments AS SELECT * FROM read.payments_g%s', live);
END
$$;
