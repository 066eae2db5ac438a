package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.util.List;

/** An order was placed; {@code total} is the sum of its line totals. */
@Revision("1")
public record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total) {
}
