package io.ledgerline.domain.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void ofDecimalCountsMinorUnits() {
        assertThat(Money.of(new BigDecimal("12.34"), "EUR")).isEqualTo(new Money(1234, "EUR"));
    }

    @Test
    void ofStringCountsMinorUnits() {
        assertThat(Money.of("12.3", "EUR")).isEqualTo(new Money(1230, "EUR"));
        assertThat(Money.of("1500", "JPY")).isEqualTo(new Money(1500, "JPY"));
    }

    @Test
    void trailingZerosBeyondTheCurrencyScaleAreAccepted() {
        assertThat(Money.of("12.3400", "EUR")).isEqualTo(new Money(1234, "EUR"));
        assertThat(Money.of("1500.0", "JPY")).isEqualTo(new Money(1500, "JPY"));
    }

    @Test
    void euroAmountsHaveAtMostTwoDecimals() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.of("0.001", "EUR"));
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void yenAmountsHaveNoDecimals() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.of("1.5", "JPY"));
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void unknownCurrencyIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.of("1.00", "EURO"));
        assertThat(e.field()).isEqualTo("currency");
    }

    @Test
    void currencyWithoutMinorUnitIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.of("1", "XXX"));
        assertThat(e.field()).isEqualTo("currency");
    }

    @Test
    void missingCurrencyIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Money(1, null));
        assertThat(e.field()).isEqualTo("currency");
    }

    @Test
    void negativeAmountIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.of("-0.01", "EUR"));
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void textThatIsNotANumberIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.of("12,50", "EUR"));
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void amountBeyondLongRangeIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> Money.of("100000000000000000", "EUR"));
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void plusAddsAmountsOfTheSameCurrency() {
        assertThat(Money.of("12.50", "EUR").plus(Money.of("0.75", "EUR"))).isEqualTo(Money.of("13.25", "EUR"));
    }

    @Test
    void minusSubtractsAmountsOfTheSameCurrency() {
        assertThat(Money.of("12.50", "EUR").minus(Money.of("0.75", "EUR"))).isEqualTo(Money.of("11.75", "EUR"));
    }

    @Test
    void minusCannotGoBelowZero() {
        assertThrows(InvalidValueException.class, () -> Money.of("0.50", "EUR").minus(Money.of("0.51", "EUR")));
    }

    @Test
    void timesMultipliesTheAmount() {
        assertThat(Money.of("12.50", "EUR").times(3)).isEqualTo(Money.of("37.50", "EUR"));
    }

    @Test
    void timesRejectsAnOverflowingResult() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new Money(Long.MAX_VALUE / 2 + 1, "EUR").times(2));
        assertThat(e.field()).isEqualTo("amount");
    }

    @Test
    void combiningDifferentCurrenciesIsRejected() {
        Money eur = Money.of("1.00", "EUR");
        Money usd = Money.of("1.00", "USD");

        assertThrows(CurrencyMismatch.class, () -> eur.plus(usd));
        assertThrows(CurrencyMismatch.class, () -> eur.minus(usd));
        assertThrows(CurrencyMismatch.class, () -> eur.isGreaterThan(usd));
    }

    @Test
    void amountHasExactlyTheCurrencyScale() {
        assertThat(Money.of("12.5", "EUR").amount()).isEqualByComparingTo("12.5").hasScaleOf(2);
        assertThat(Money.of("12.5", "EUR").amount().toPlainString()).isEqualTo("12.50");
        assertThat(Money.of("1500", "JPY").amount().toPlainString()).isEqualTo("1500");
    }

    @Test
    void toStringShowsAmountAndCurrency() {
        assertThat(Money.of("7", "EUR")).hasToString("7.00 EUR");
    }

    @Test
    void isGreaterThanComparesAmounts() {
        assertThat(Money.of("1.01", "EUR").isGreaterThan(Money.of("1.00", "EUR"))).isTrue();
        assertThat(Money.of("1.00", "EUR").isGreaterThan(Money.of("1.00", "EUR"))).isFalse();
    }
}
