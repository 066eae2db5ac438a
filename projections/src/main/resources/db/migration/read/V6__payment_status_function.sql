-- A payment's status from its running totals, as io.ledgerline.domain.payment.PaymentStatus.of derives
-- it (PaymentProjectionTest checks that the two agree). The projection sets captured and refunded
-- totals in one statement per event instead of reading the row back first, which lets a batch of
-- events be written together (docs/performance.md).
CREATE FUNCTION read.payment_status(authorized BIGINT, captured BIGINT, refunded BIGINT) RETURNS VARCHAR
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
               WHEN refunded <> 0 THEN CASE WHEN refunded = captured THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END
               WHEN captured <> 0 THEN CASE WHEN captured = authorized THEN 'CAPTURED' ELSE 'PARTIALLY_CAPTURED' END
               ELSE 'AUTHORIZED'
           END
$$;
