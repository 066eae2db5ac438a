package io.ledgerline.domain.order;

import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Places an order of 1 to 100 lines, all priced in the order's currency, each SKU at most once. */
public record PlaceOrder(@TargetAggregateIdentifier OrderId orderId, CustomerId customerId, String currency,
                         List<OrderLine> lines) {

    public static final int MAX_LINES = 100;

    public PlaceOrder {
        Require.present(orderId, "orderId");
        Require.present(customerId, "customerId");
        Money.zero(Require.present(currency, "currency"));
        Require.present(lines, "lines");
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new InvalidValueException("lines", "an order has 1 to " + MAX_LINES + " lines");
        }
        Set<Sku> seen = new HashSet<>();
        for (OrderLine line : lines) {
            Require.present(line, "lines");
            if (!line.unitPrice().currency().equals(currency)) {
                throw new InvalidValueException("lines", "every unit price must be in the order currency " + currency);
            }
            if (!seen.add(line.sku())) {
                throw new InvalidValueException("lines", "sku " + line.sku() + " appears on more than one line");
            }
        }
        lines = List.copyOf(lines);
    }

    public Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money.zero(currency), Money::plus);
    }
}
