package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Confirms a placed order; automatic fulfilment sends it once stock is reserved and payment authorized. */
public record ConfirmOrder(@TargetAggregateIdentifier OrderId orderId, @TargetAggregateVersion Long expectedVersion) {

    public ConfirmOrder {
        Require.present(orderId, "orderId");
    }

    public ConfirmOrder(OrderId orderId) {
        this(orderId, null);
    }
}
