package io.ledgerline.command.fulfilment;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.domain.fulfilment.OrderFulfilment;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.order.OrderShipped;
import io.ledgerline.domain.shared.Money;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events the fulfilment processor hands to the process: an order placed with a payment-method
 * token starts it; one the client drives itself is passed by in every segment, so no segment looks
 * for a process of it in the saga store.
 */
class FulfilmentRoutingTest extends CommandSideTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void anOrderTheClientDrivesIsPassedByInEverySegmentAndAnAutomaticOneIsNot() {
        AbstractSagaManager<OrderFulfilment> manager = processing.sagaConfiguration(OrderFulfilment.class).manager();
        Money price = Money.of("9.99", "EUR");
        List<OrderLine> lines = List.of(new OrderLine(new Sku("SKU-ROUTING"), 1, price));
        OrderPlaced driven = new OrderPlaced(OrderId.generate(), new CustomerId("c-1"), lines, price, null);
        OrderPlaced automatic = new OrderPlaced(OrderId.generate(), new CustomerId("c-1"), lines, price, "tok_visa");

        for (Segment segment : Segment.splitBalanced(Segment.ROOT_SEGMENT, 3)) {
            assertThat(manager.canHandle(GenericEventMessage.asEventMessage(driven), segment)).isFalse();
            assertThat(manager.canHandle(GenericEventMessage.asEventMessage(automatic), segment)).isTrue();
        }
        // The other events of an order still reach it: only the process can tell whether it has one.
        assertThat(manager.canHandle(GenericEventMessage.asEventMessage(new OrderShipped(driven.orderId())),
                Segment.ROOT_SEGMENT)).isTrue();
    }
}
