package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.Money;
import org.axonframework.serialization.Revision;

/** {@code amount} was refunded; {@code refundedTotal} is the sum of all refunds so far. */
@Revision("1")
public record PaymentRefunded(PaymentId paymentId, Money amount, Money refundedTotal, String reason) {
}
