package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancels an order that has not shipped, recording why. */
public record CancelOrder(@TargetAggregateIdentifier OrderId orderId, String reason,
                          @TargetAggregateVersion Long expectedVersion) {

    public CancelOrder {
        Require.present(orderId, "orderId");
        Require.text(reason, "reason", 500);
    }

    public CancelOrder(OrderId orderId, String reason) {
        this(orderId, reason, null);
    }
}
