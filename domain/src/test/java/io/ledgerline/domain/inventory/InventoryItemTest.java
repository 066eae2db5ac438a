package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderOwners;
import io.ledgerline.domain.shared.CustomerScope;
import org.axonframework.modelling.command.AggregateNotFoundException;
import io.ledgerline.domain.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

class InventoryItemTest {

    private static final Sku SKU = new Sku("MUG-RED-01");
    private static final OrderId ORDER_A = new OrderId("order-a");
    private static final OrderId ORDER_B = new OrderId("order-b");
    private static final Money PRICE = Money.of("12.50", "EUR");

    private AggregateTestFixture<InventoryItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InventoryItem.class);
        fixture.registerInjectableResource((OrderOwners) order -> order.equals(ORDER_A)
                ? Optional.of(new CustomerId("c-1")) : Optional.empty());
    }

    @Test
    void aClientReservesForItsOwnCustomersOrder() {
        fixture.given(registered(), received(10, 10))
               .when(new ReserveStock(SKU, ORDER_A, 4), Map.of(CustomerScope.KEY, "c-1"))
               .expectEvents(new StockReserved(SKU, ORDER_A, 4, 10, 4));
    }

    @Test
    void aClientCannotReserveForAnotherCustomersOrder() {
        fixture.given(registered(), received(10, 10))
               .when(new ReserveStock(SKU, ORDER_A, 4), Map.of(CustomerScope.KEY, "c-2"))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    @Test
    void aClientCannotReleaseOrShipAnotherCustomersReservation() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new ReleaseReservation(SKU, ORDER_A), Map.of(CustomerScope.KEY, "c-2"))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new ShipReservation(SKU, ORDER_A), Map.of(CustomerScope.KEY, "c-2"))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    private static ProductRegistered registered() {
        return new ProductRegistered(SKU, "Red mug", PRICE);
    }

    private static StockReceived received(int quantity, int onHand) {
        return new StockReceived(SKU, quantity, onHand, 0);
    }

    @Test
    void registeringProductCreatesItWithoutStock() {
        fixture.givenNoPriorActivity()
               .when(new RegisterProduct(SKU, "Red mug", PRICE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(registered())
               .expectResultMessagePayload(SKU);
    }

    @Test
    void receivingStockAddsToOnHand() {
        fixture.given(registered(), received(5, 5))
               .when(new ReceiveStock(SKU, 3))
               .expectEvents(new StockReceived(SKU, 3, 8, 0))
               .expectResultMessagePayload(2L);
    }

    @Test
    void receivingStockKeepsReservationsInPlace() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new ReceiveStock(SKU, 2))
               .expectEvents(new StockReceived(SKU, 2, 12, 4));
    }

    @Test
    void reservingWithinAvailableStockPromisesIt() {
        fixture.given(registered(), received(10, 10))
               .when(new ReserveStock(SKU, ORDER_A, 4))
               .expectEvents(new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .expectResultMessagePayload(2L);
    }

    @Test
    void canReserveExactlyWhatIsAvailable() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 7, 10, 7))
               .when(new ReserveStock(SKU, ORDER_B, 3))
               .expectEvents(new StockReserved(SKU, ORDER_B, 3, 10, 10));
    }

    @Test
    void cannotReserveMoreThanAvailable() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 7, 10, 7))
               .when(new ReserveStock(SKU, ORDER_B, 4))
               .expectException(InsufficientStock.class)
               .expectNoEvents();
    }

    @Test
    void cannotReserveBeforeAnyStockArrived() {
        fixture.given(registered())
               .when(new ReserveStock(SKU, ORDER_A, 1))
               .expectException(InsufficientStock.class)
               .expectNoEvents();
    }

    @Test
    void identicalReservationForSameOrderIsNoOpReturningCurrentVersion() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new ReserveStock(SKU, ORDER_A, 4))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(2L);
    }

    @Test
    void identicalReservationIsAcceptedEvenWhenNothingIsLeftAvailable() {
        fixture.given(registered(), received(4, 4), new StockReserved(SKU, ORDER_A, 4, 4, 4))
               .when(new ReserveStock(SKU, ORDER_A, 4))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void reservationWithDifferentQuantityForSameOrderIsRejected() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new ReserveStock(SKU, ORDER_A, 5))
               .expectException(ReservationAlreadyExists.class)
               .expectNoEvents();
    }

    @Test
    void releasingReservationGivesStockBack() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new ReleaseReservation(SKU, ORDER_A))
               .expectEvents(new ReservationReleased(SKU, ORDER_A, 4, 10, 0))
               .expectResultMessagePayload(3L);
    }

    @Test
    void releasedStockCanBeReservedByAnotherOrder() {
        fixture.given(registered(), received(4, 4), new StockReserved(SKU, ORDER_A, 4, 4, 4),
                      new ReservationReleased(SKU, ORDER_A, 4, 4, 0))
               .when(new ReserveStock(SKU, ORDER_B, 4))
               .expectEvents(new StockReserved(SKU, ORDER_B, 4, 4, 4));
    }

    @Test
    void cannotReleaseReservationThatWasNeverMade() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new ReleaseReservation(SKU, ORDER_B))
               .expectException(ReservationNotFound.class)
               .expectNoEvents();
    }

    @Test
    void cannotReleaseReservationTwice() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4),
                      new ReservationReleased(SKU, ORDER_A, 4, 10, 0))
               .when(new ReleaseReservation(SKU, ORDER_A))
               .expectException(ReservationNotFound.class)
               .expectNoEvents();
    }

    @Test
    void shippingReservationTakesItOutOfOnHandAndReserved() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4),
                      new StockReserved(SKU, ORDER_B, 1, 10, 5))
               .when(new ShipReservation(SKU, ORDER_A))
               .expectEvents(new ReservedStockShipped(SKU, ORDER_A, 4, 6, 1))
               .expectResultMessagePayload(4L);
    }

    @Test
    void cannotShipWithoutReservation() {
        fixture.given(registered(), received(10, 10))
               .when(new ShipReservation(SKU, ORDER_A))
               .expectException(ReservationNotFound.class)
               .expectNoEvents();
    }

    @Test
    void cannotShipReservationTwice() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4),
                      new ReservedStockShipped(SKU, ORDER_A, 4, 6, 0))
               .when(new ShipReservation(SKU, ORDER_A))
               .expectException(ReservationNotFound.class)
               .expectNoEvents();
    }

    @Test
    void adjustingUpRecordsDeltaAndReason() {
        fixture.given(registered(), received(10, 10))
               .when(new AdjustStock(SKU, 2, "found in back room"))
               .expectEvents(new StockAdjusted(SKU, 2, "found in back room", 12, 0))
               .expectResultMessagePayload(2L);
    }

    @Test
    void adjustingDownReducesOnHand() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new AdjustStock(SKU, -3, "damaged"))
               .expectEvents(new StockAdjusted(SKU, -3, "damaged", 7, 4));
    }

    @Test
    void canAdjustDownToExactlyWhatIsReserved() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new AdjustStock(SKU, -6, "stock take"))
               .expectEvents(new StockAdjusted(SKU, -6, "stock take", 4, 4));
    }

    @Test
    void cannotAdjustBelowReserved() {
        fixture.given(registered(), received(10, 10), new StockReserved(SKU, ORDER_A, 4, 10, 4))
               .when(new AdjustStock(SKU, -7, "stock take"))
               .expectException(InsufficientStock.class)
               .expectNoEvents();
    }

    @Test
    void cannotAdjustOnHandBelowZero() {
        fixture.given(registered(), received(3, 3))
               .when(new AdjustStock(SKU, -4, "lost"))
               .expectException(InsufficientStock.class)
               .expectNoEvents();
    }
}
