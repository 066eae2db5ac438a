package io.ledgerline.domain.shared;

/** Two amounts in different currencies were combined or compared. */
public class CurrencyMismatch extends BusinessRuleViolation {

    public CurrencyMismatch(String expected, String actual) {
        super("Expected an amount in " + expected + " but got " + actual);
    }

    @Override
    public String code() {
        return "currency-mismatch";
    }
}
