package io.ledgerline.domain.order;

/** The life cycle of an order: PLACED, then CONFIRMED, then SHIPPED; CANCELLED from either of the first two. */
public enum OrderStatus {
    PLACED, CONFIRMED, SHIPPED, CANCELLED
}
