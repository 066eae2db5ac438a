package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.BusinessRuleViolation;

/** The order holds no reservation of this SKU (never made, already released or shipped). */
public class ReservationNotFound extends BusinessRuleViolation {

    public ReservationNotFound(Sku sku, OrderId orderId) {
        super("Order " + orderId + " holds no reservation of " + sku);
    }

    @Override
    public String code() {
        return "reservation-not-found";
    }
}
