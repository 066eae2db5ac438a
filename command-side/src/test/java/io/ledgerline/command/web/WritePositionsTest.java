package io.ledgerline.command.web;

import io.ledgerline.command.support.CommandSideTest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both ways of answering a write's position, on the JDBC store: looked up (JDBC mode) and the
 * store's head after the write (how Axon Server mode answers, through the same event store API).
 */
class WritePositionsTest extends CommandSideTest {

    @Autowired
    EventStore eventStore;

    @Test
    void theHeadAfterAWriteCoversItAndIsNoLaterThanTheStoresNewestEvent() {
        WritePositions exact = new WritePositions(jdbc, () -> eventStore, false);
        WritePositions head = new WritePositions(jdbc, () -> eventStore, true);
        String sku = registerProduct();

        Long written = exact.of(sku, 0);
        Long covering = head.of(sku, 0);

        assertThat(written).isEqualTo(eventsOf(sku).get(0).globalIndex());
        assertThat(covering).isGreaterThanOrEqualTo(written)
                .isLessThanOrEqualTo(jdbc.sql("SELECT max(global_index) FROM events.domain_event_entry")
                        .query(Long.class).single());
        assertThat(exact.of(sku, 7)).as("no such version").isNull();
    }
}
