package io.ledgerline.query.web;

import io.ledgerline.domain.shared.Money;

/** Money in responses: a decimal string with the currency's number of decimals, never a float. */
public final class Amounts {

    private Amounts() {
    }

    public static String format(long minorUnits, String currency) {
        return new Money(minorUnits, currency).amount().toPlainString();
    }
}
