package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.Money;
import org.axonframework.serialization.Revision;

/** {@code amount} was captured; {@code capturedTotal} is the sum of all captures so far. */
@Revision("1")
public record PaymentCaptured(PaymentId paymentId, Money amount, Money capturedTotal, String captureId) {

    public PaymentCaptured(PaymentId paymentId, Money amount, Money capturedTotal) {
        this(paymentId, amount, capturedTotal, null);
    }
}
