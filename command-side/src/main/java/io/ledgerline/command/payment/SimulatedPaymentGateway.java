package io.ledgerline.command.payment;

import io.ledgerline.domain.payment.PaymentGateway;
import io.ledgerline.domain.payment.PaymentGatewayFailure;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for a real payment provider, with deterministic answers keyed on the payment-method
 * token (documented in docs/api.md):
 * <ul>
 *   <li>{@code tok_decline_insufficient_funds}: declined, {@code insufficient_funds};</li>
 *   <li>{@code tok_decline_expired_card}: declined, {@code expired_card};</li>
 *   <li>any other token starting with {@code tok_decline}: declined, {@code card_declined};</li>
 *   <li>anything else: approved, with reference {@code sim-auth-<paymentId>}.</li>
 * </ul>
 * Captures, refunds and voids on an approved authorization always succeed. It holds no state, so
 * it is idempotent by construction; a real adapter must pass the payment id on as the provider's
 * idempotency key.
 */
public class SimulatedPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentGateway.class);

    @Override
    public Authorization authorize(PaymentId paymentId, Money amount, String paymentMethodToken) {
        Authorization answer = switch (paymentMethodToken) {
            case "tok_decline_insufficient_funds" -> Authorization.declined("insufficient_funds");
            case "tok_decline_expired_card" -> Authorization.declined("expired_card");
            default -> paymentMethodToken.startsWith("tok_decline")
                    ? Authorization.declined("card_declined")
                    : Authorization.approved("sim-auth-" + paymentId);
        };
        log.debug("Simulated provider answered {} for payment {} of {}", answer.approved() ? "approved" : "declined",
                paymentId, amount);
        return answer;
    }

    @Override
    public void capture(PaymentId paymentId, String authorizationReference, Money amount) {
        requireReference(authorizationReference);
    }

    @Override
    public void refund(PaymentId paymentId, String authorizationReference, Money amount) {
        requireReference(authorizationReference);
    }

    @Override
    public void voidAuthorization(PaymentId paymentId, String authorizationReference) {
        requireReference(authorizationReference);
    }

    private static void requireReference(String authorizationReference) {
        if (authorizationReference == null || !authorizationReference.startsWith("sim-auth-")) {
            throw new PaymentGatewayFailure("The simulated provider knows no authorization " + authorizationReference);
        }
    }
}
