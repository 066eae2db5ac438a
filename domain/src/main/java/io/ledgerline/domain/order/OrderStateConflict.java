package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.BusinessRuleViolation;

/** The order's current status does not allow the requested step (shipping an unconfirmed order, say). */
public class OrderStateConflict extends BusinessRuleViolation {

    private final OrderStatus status;

    public OrderStateConflict(OrderId orderId, OrderStatus status, String action) {
        super("Order " + orderId + " is " + status + " and cannot be " + action);
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }

    @Override
    public String code() {
        return "order-state-conflict";
    }
}
