package io.ledgerline.domain.inventory;

import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Corrects the on-hand count (stock take, damage, loss) by a signed delta, with the reason recorded. */
public record AdjustStock(@TargetAggregateIdentifier Sku sku, int delta, String reason,
                          @TargetAggregateVersion Long expectedVersion) {

    public AdjustStock {
        Require.present(sku, "sku");
        if (delta == 0) {
            throw new InvalidValueException("delta", "delta must not be zero");
        }
        Require.text(reason, "reason", 500);
    }

    public AdjustStock(Sku sku, int delta, String reason) {
        this(sku, delta, reason, null);
    }
}
