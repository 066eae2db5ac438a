package io.ledgerline.domain.payment;

import org.axonframework.serialization.Revision;

/** The authorization was released before any capture; the payment is closed. */
@Revision("1")
public record PaymentVoided(PaymentId paymentId, String reason) {
}
