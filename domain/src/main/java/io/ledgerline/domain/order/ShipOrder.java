package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Marks a confirmed order as shipped. */
public record ShipOrder(@TargetAggregateIdentifier OrderId orderId, @TargetAggregateVersion Long expectedVersion) {

    public ShipOrder {
        Require.present(orderId, "orderId");
    }

    public ShipOrder(OrderId orderId) {
        this(orderId, null);
    }
}
