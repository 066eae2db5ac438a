package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.Money;

import java.util.ArrayList;
import java.util.List;

/** A deterministic in-memory provider that records every call, so tests can see what reached it. */
class FakePaymentGateway implements PaymentGateway {

    /** One call the aggregate made, with the arguments that matter to the provider. */
    record Call(String operation, PaymentId paymentId, String reference, Money amount, String token) {
    }

    private final List<Call> calls = new ArrayList<>();
    private String declineReason;
    private String refusal;

    /** Makes every following authorization come back declined with this reason. */
    void declineWith(String reason) {
        this.declineReason = reason;
    }

    /** Makes every following capture and refund fail as a provider refusal. */
    void refuseWith(String message) {
        this.refusal = message;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    static String referenceFor(PaymentId paymentId) {
        return "auth-" + paymentId.value();
    }

    @Override
    public Authorization authorize(PaymentId paymentId, Money amount, String paymentMethodToken) {
        calls.add(new Call("authorize", paymentId, null, amount, paymentMethodToken));
        return declineReason == null
                ? Authorization.approved(referenceFor(paymentId))
                : Authorization.declined(declineReason);
    }

    @Override
    public void capture(PaymentId paymentId, String authorizationReference, Money amount) {
        calls.add(new Call("capture", paymentId, authorizationReference, amount, null));
        refuseIfAsked();
    }

    @Override
    public void refund(PaymentId paymentId, String authorizationReference, Money amount) {
        calls.add(new Call("refund", paymentId, authorizationReference, amount, null));
        refuseIfAsked();
    }

    @Override
    public void voidAuthorization(PaymentId paymentId, String authorizationReference) {
        calls.add(new Call("void", paymentId, authorizationReference, null, null));
    }

    private void refuseIfAsked() {
        if (refusal != null) {
            throw new PaymentGatewayFailure(refusal);
        }
    }
}
