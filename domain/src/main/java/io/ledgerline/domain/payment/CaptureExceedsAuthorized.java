package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Money;

/** A capture would take more than is left of the authorization. */
public class CaptureExceedsAuthorized extends BusinessRuleViolation {

    public CaptureExceedsAuthorized(Money requested, Money remaining) {
        super("Cannot capture " + requested + ": only " + remaining + " of the authorization remains");
    }

    @Override
    public String code() {
        return "capture-exceeds-authorized";
    }
}
