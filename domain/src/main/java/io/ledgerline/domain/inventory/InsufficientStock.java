package io.ledgerline.domain.inventory;

import io.ledgerline.domain.shared.BusinessRuleViolation;

/** The requested change would leave less available stock than zero. */
public class InsufficientStock extends BusinessRuleViolation {

    public InsufficientStock(Sku sku, int requested, int available) {
        super("Only " + available + " of " + sku + " available, " + requested + " requested");
    }

    @Override
    public String code() {
        return "insufficient-stock";
    }
}
