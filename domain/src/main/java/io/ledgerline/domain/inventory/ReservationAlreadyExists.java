package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.BusinessRuleViolation;

/** An order holds at most one reservation per SKU; a different quantity for the same order is refused. */
public class ReservationAlreadyExists extends BusinessRuleViolation {

    public ReservationAlreadyExists(Sku sku, OrderId orderId, int existing) {
        super("Order " + orderId + " already holds a reservation of " + existing + " x " + sku);
    }

    @Override
    public String code() {
        return "reservation-already-exists";
    }
}
