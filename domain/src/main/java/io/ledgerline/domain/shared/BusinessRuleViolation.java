package io.ledgerline.domain.shared;

/**
 * A command that is well-formed but refused by an aggregate given its current state.
 * Each subclass names one rule; {@link #code()} is the stable identifier clients may switch on.
 */
public abstract class BusinessRuleViolation extends RuntimeException {

    protected BusinessRuleViolation(String message) {
        super(message, null, false, false);
    }

    /** A stable, kebab-case identifier of the rule, e.g. {@code insufficient-stock}. */
    public abstract String code();
}
