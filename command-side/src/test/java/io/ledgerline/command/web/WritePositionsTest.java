package io.ledgerline.command.web;

import io.ledgerline.command.support.CommandSideTest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.ledgerline.infrastructure.eventstore.AppendedPositions;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both ways of answering a write's position, on the JDBC store: looked up (JDBC mode) and the
 * store's head after the write (how Axon Server mode answers, through the same event store API).
 */
class WritePositionsTest extends CommandSideTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactionManager;

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

    @Test
    void aRequestLearnsItsEventsPositionsFromTheInsertOnceTheAppendCommitsAndNotOtherwise() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            String committed = "appended-" + UUID.randomUUID();
            String rolledBack = "appended-" + UUID.randomUUID();

            append(committed, false);
            assertThatThrownBy(() -> append(rolledBack, true)).hasMessageContaining("after the append");

            assertThat(AppendedPositions.ofThisRequest(committed, 0)).contains(eventsOf(committed).get(0).globalIndex());
            assertThat(eventsOf(rolledBack)).isEmpty();
            assertThat(AppendedPositions.ofThisRequest(rolledBack, 0)).isEmpty();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(AppendedPositions.ofThisRequest("anything", 0)).as("outside a request").isEmpty();
    }

    /** Appends one event in a unit of work of its own, failing it after the append if asked to. */
    private void append(String aggregateId, boolean failAfterwards) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        try {
            eventStore.publish(new GenericDomainEventMessage<>("Probe", aggregateId, 0, Map.of("probe", aggregateId)));
            if (failAfterwards) {
                unitOfWork.onPrepareCommit(u -> {
                    throw new IllegalStateException("failed after the append");
                });
            }
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }
}
