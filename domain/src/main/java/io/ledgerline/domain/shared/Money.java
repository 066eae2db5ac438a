package io.ledgerline.domain.shared;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A non-negative amount of one ISO-4217 currency, held as a whole number of minor units
 * (cents for EUR, yen for JPY) so that no arithmetic ever rounds.
 */
public record Money(long minorUnits, String currency) implements Comparable<Money> {

    public Money {
        Require.present(currency, "currency");
        fractionDigits(currency);
        if (minorUnits < 0) {
            throw new InvalidValueException("amount", "amount must not be negative");
        }
    }

    /** Builds an amount from its decimal form, refusing more decimals than the currency has. */
    public static Money of(BigDecimal amount, String currency) {
        Require.present(amount, "amount");
        int digits = fractionDigits(Require.present(currency, "currency"));
        try {
            BigDecimal minor = amount.movePointRight(digits);
            if (minor.stripTrailingZeros().scale() > 0) {
                throw new InvalidValueException("amount", currency + " amounts have at most " + digits + " decimals");
            }
            return new Money(minor.longValueExact(), currency);
        } catch (ArithmeticException tooLarge) {
            throw new InvalidValueException("amount", "amount is too large");
        }
    }

    public static Money of(String amount, String currency) {
        Require.present(amount, "amount");
        try {
            return of(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "amount is not a decimal number");
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** The decimal amount with exactly the currency's number of fraction digits. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
        } catch (ArithmeticException overflow) {
            throw new InvalidValueException("amount", "amount is too large");
        }
    }

    /** Subtracts; the result must not be negative. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(minorUnits - other.minorUnits, currency);
    }

    public Money times(int factor) {
        try {
            return new Money(Math.multiplyExact(minorUnits, (long) factor), currency);
        } catch (ArithmeticException overflow) {
            throw new InvalidValueException("amount", "amount is too large");
        }
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    public void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatch(currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency;
    }

    private static int fractionDigits(String code) {
        Currency iso;
        try {
            iso = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("currency", "'" + code + "' is not an ISO-4217 currency code");
        }
        // Pseudo-currencies such as XXX have no minor unit defined; they are not money we accept.
        if (iso.getDefaultFractionDigits() < 0) {
            throw new InvalidValueException("currency", "'" + code + "' is not a currency that can be paid in");
        }
        return iso.getDefaultFractionDigits();
    }
}
