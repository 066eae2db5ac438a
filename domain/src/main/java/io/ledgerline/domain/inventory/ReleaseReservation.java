package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives an order's reserved stock back to the available pool. */
public record ReleaseReservation(@TargetAggregateIdentifier Sku sku, OrderId orderId,
                                 @TargetAggregateVersion Long expectedVersion) {

    public ReleaseReservation {
        Require.present(sku, "sku");
        Require.present(orderId, "orderId");
    }

    public ReleaseReservation(Sku sku, OrderId orderId) {
        this(sku, orderId, null);
    }
}
