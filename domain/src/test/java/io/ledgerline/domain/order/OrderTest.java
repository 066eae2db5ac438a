package io.ledgerline.domain.order;

import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class OrderTest {

    private static final OrderId ORDER = new OrderId("order-1");
    private static final CustomerId CUSTOMER = new CustomerId("customer-1");
    private static final List<OrderLine> LINES = List.of(
            new OrderLine(new Sku("MUG-RED-01"), 2, Money.of("12.50", "EUR")),
            new OrderLine(new Sku("TEA-GREEN-250"), 1, Money.of("5.00", "EUR")));

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    private static OrderPlaced placed() {
        return new OrderPlaced(ORDER, CUSTOMER, LINES, Money.of("30.00", "EUR"));
    }

    private static OrderCancelled cancelled() {
        return new OrderCancelled(ORDER, "customer changed mind");
    }

    @Test
    void placingOrderRecordsLinesAndTotal() {
        fixture.givenNoPriorActivity()
               .when(new PlaceOrder(ORDER, CUSTOMER, "EUR", LINES))
               .expectSuccessfulHandlerExecution()
               .expectEvents(placed())
               .expectResultMessagePayload(ORDER);
    }

    @Test
    void placedOrderCanBeConfirmed() {
        fixture.given(placed())
               .when(new ConfirmOrder(ORDER))
               .expectEvents(new OrderConfirmed(ORDER))
               .expectResultMessagePayload(1L);
    }

    @Test
    void placedOrderCanBeCancelled() {
        fixture.given(placed())
               .when(new CancelOrder(ORDER, "customer changed mind"))
               .expectEvents(cancelled())
               .expectResultMessagePayload(1L);
    }

    @Test
    void confirmedOrderCanBeCancelled() {
        fixture.given(placed(), new OrderConfirmed(ORDER))
               .when(new CancelOrder(ORDER, "out of stock"))
               .expectEvents(new OrderCancelled(ORDER, "out of stock"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void confirmedOrderCanBeShipped() {
        fixture.given(placed(), new OrderConfirmed(ORDER))
               .when(new ShipOrder(ORDER))
               .expectEvents(new OrderShipped(ORDER))
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotShipUnconfirmedOrder() {
        fixture.given(placed())
               .when(new ShipOrder(ORDER))
               .expectException(OrderStateConflict.class)
               .expectExceptionMessage("Order order-1 is PLACED and cannot be shipped")
               .expectNoEvents();
    }

    @Test
    void cannotConfirmOrderTwice() {
        fixture.given(placed(), new OrderConfirmed(ORDER))
               .when(new ConfirmOrder(ORDER))
               .expectException(OrderStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotConfirmShippedOrder() {
        fixture.given(placed(), new OrderConfirmed(ORDER), new OrderShipped(ORDER))
               .when(new ConfirmOrder(ORDER))
               .expectException(OrderStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotCancelShippedOrder() {
        fixture.given(placed(), new OrderConfirmed(ORDER), new OrderShipped(ORDER))
               .when(new CancelOrder(ORDER, "too late"))
               .expectException(OrderStateConflict.class)
               .expectExceptionMessage("Order order-1 is SHIPPED and cannot be cancelled")
               .expectNoEvents();
    }

    @Test
    void cannotShipOrderTwice() {
        fixture.given(placed(), new OrderConfirmed(ORDER), new OrderShipped(ORDER))
               .when(new ShipOrder(ORDER))
               .expectException(OrderStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotConfirmCancelledOrder() {
        fixture.given(placed(), cancelled())
               .when(new ConfirmOrder(ORDER))
               .expectException(OrderStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotCancelOrderTwice() {
        fixture.given(placed(), cancelled())
               .when(new CancelOrder(ORDER, "again"))
               .expectException(OrderStateConflict.class)
               .expectNoEvents();
    }

    @Test
    void cannotShipCancelledOrder() {
        fixture.given(placed(), new OrderConfirmed(ORDER), cancelled())
               .when(new ShipOrder(ORDER))
               .expectException(OrderStateConflict.class)
               .expectExceptionMessage("Order order-1 is CANCELLED and cannot be shipped")
               .expectNoEvents();
    }
}
