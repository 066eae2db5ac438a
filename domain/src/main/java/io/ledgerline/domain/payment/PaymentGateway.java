package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.Money;

/**
 * The port to the payment provider. Implementations must be idempotent per payment id and
 * operation, because a command may be retried after the provider already acted on it.
 */
public interface PaymentGateway {

    /** Asks the provider to hold {@code amount} on the payment method the token stands for. */
    Authorization authorize(PaymentId paymentId, Money amount, String paymentMethodToken);

    /** Takes {@code amount} of a held authorization; throws {@link PaymentGatewayFailure} if the provider refuses. */
    void capture(PaymentId paymentId, String authorizationReference, Money amount);

    /** Returns {@code amount} of captured money; throws {@link PaymentGatewayFailure} if the provider refuses. */
    void refund(PaymentId paymentId, String authorizationReference, Money amount);

    /** Releases an authorization that was never captured. */
    void voidAuthorization(PaymentId paymentId, String authorizationReference);

    /** The provider's answer to an authorization request. */
    record Authorization(boolean approved, String reference, String declineReason) {

        public static Authorization approved(String reference) {
            return new Authorization(true, reference, null);
        }

        public static Authorization declined(String reason) {
            return new Authorization(false, null, reason);
        }
    }
}
