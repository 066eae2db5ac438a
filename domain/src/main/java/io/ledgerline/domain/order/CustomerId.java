package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.Require;

/** The identity of the customer an order belongs to, as the client application knows it. */
public record CustomerId(String value) {

    public CustomerId {
        Require.text(value, "customerId", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
