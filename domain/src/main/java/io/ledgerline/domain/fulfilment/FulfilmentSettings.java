package io.ledgerline.domain.fulfilment;

import java.time.Duration;

/** How long the fulfilment process waits for a payment outcome before it gives the order up. */
public record FulfilmentSettings(Duration paymentTimeout) {

    public FulfilmentSettings {
        if (paymentTimeout == null || paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("paymentTimeout must be positive");
        }
    }
}
