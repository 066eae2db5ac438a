package io.ledgerline.domain.order;

import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Places an order of 1 to 100 lines, all priced in the order's currency, each SKU at most once.
 * With a payment-method token the order is fulfilled automatically (stock reserved, payment
 * authorized, order confirmed by the fulfilment process); without one the client drives each step.
 */
public record PlaceOrder(@TargetAggregateIdentifier OrderId orderId, CustomerId customerId, String currency,
                         List<OrderLine> lines, String paymentMethodToken) {

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
        if (paymentMethodToken != null) {
            Require.text(paymentMethodToken, "paymentMethodToken", 200);
        }
    }

    /** An order the client fulfils step by step. */
    public PlaceOrder(OrderId orderId, CustomerId customerId, String currency, List<OrderLine> lines) {
        this(orderId, customerId, currency, lines, null);
    }

    public Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money.zero(currency), Money::plus);
    }
}
