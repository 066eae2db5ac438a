package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.Require;

import java.util.UUID;

/** The identity of an order, assigned by the system when it is placed. */
public record OrderId(String value) {

    public OrderId {
        Require.text(value, "orderId", 64);
    }

    public static OrderId generate() {
        return new OrderId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
