package io.ledgerline.domain.order;

import java.util.Optional;

/**
 * Who placed an order: the one fact about an order that other aggregates (a payment, a stock
 * reservation) ask for, to refuse a client acting on another customer's order. Implemented
 * outside the domain, over the event store.
 */
public interface OrderOwners {

    /** The customer who placed the order; empty when no such order exists. */
    Optional<CustomerId> customerOf(OrderId orderId);
}
