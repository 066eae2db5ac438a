package io.ledgerline.domain.order;

import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlaceOrderTest {

    private static final OrderId ORDER = new OrderId("order-1");
    private static final CustomerId CUSTOMER = new CustomerId("customer-1");

    private static OrderLine line(String sku, String unitPrice, String currency) {
        return new OrderLine(new Sku(sku), 1, Money.of(unitPrice, currency));
    }

    private static List<OrderLine> lines(int count) {
        return IntStream.range(0, count).mapToObj(i -> line("SKU-" + i, "1.00", "EUR")).toList();
    }

    private static InvalidValueException rejected(String currency, List<OrderLine> lines) {
        return assertThrows(InvalidValueException.class, () -> new PlaceOrder(ORDER, CUSTOMER, currency, lines));
    }

    @Test
    void orderWithoutLinesIsRejected() {
        assertThat(rejected("EUR", List.of()).field()).isEqualTo("lines");
    }

    @Test
    void orderWithMoreThanOneHundredLinesIsRejected() {
        assertThat(rejected("EUR", lines(101)).field()).isEqualTo("lines");
    }

    @Test
    void orderWithOneHundredLinesIsAccepted() {
        assertThat(new PlaceOrder(ORDER, CUSTOMER, "EUR", lines(100)).lines()).hasSize(100);
    }

    @Test
    void sameSkuOnTwoLinesIsRejected() {
        List<OrderLine> duplicate = List.of(line("MUG", "1.00", "EUR"), line("MUG", "2.00", "EUR"));

        assertThat(rejected("EUR", duplicate).field()).isEqualTo("lines");
    }

    @Test
    void linePricedInAnotherCurrencyIsRejected() {
        List<OrderLine> mixed = List.of(line("MUG", "1.00", "EUR"), line("TEA", "1.00", "USD"));

        assertThat(rejected("EUR", mixed).field()).isEqualTo("lines");
    }

    @Test
    void unknownOrderCurrencyIsRejected() {
        assertThat(rejected("EURO", lines(1)).field()).isEqualTo("currency");
    }

    @Test
    void totalIsTheSumOfLineTotals() {
        PlaceOrder command = new PlaceOrder(ORDER, CUSTOMER, "EUR", List.of(
                new OrderLine(new Sku("MUG"), 3, Money.of("2.50", "EUR")),
                line("TEA", "0.99", "EUR")));

        assertThat(command.total()).isEqualTo(Money.of("8.49", "EUR"));
    }

    @Test
    void linesCannotBeChangedAfterConstruction() {
        List<OrderLine> source = new ArrayList<>(lines(1));
        PlaceOrder command = new PlaceOrder(ORDER, CUSTOMER, "EUR", source);

        source.add(line("OTHER", "1.00", "EUR"));

        assertThat(command.lines()).hasSize(1);
    }
}
