package io.ledgerline.command;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.command.support.RecordedConnections;
import io.ledgerline.infrastructure.eventstore.EventStoreConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event storage engine as every app configures it reads without a transaction of its own (a
 * processor's fetch is then one round trip, not a BEGIN, the query and a COMMIT) and still writes
 * only in transactions; a processor's read finds the next events in one query, however many
 * positions lie empty before them, and the gaps of its token that have been filled. The engine is built by the apps' own configuration over a data source that
 * records what is done to its connections.
 */
class StorageEngineTransactionsTest extends CommandSideTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Configuration axon;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("snapshotSerializer")
    Serializer snapshotSerializer;
    @Autowired
    PersistenceExceptionResolver exceptions;
    @Autowired
    EventSchema schema;

    private final RecordedConnections connections = new RecordedConnections();
    private final List<String> calls = connections.calls();
    private DataSource recorded;
    private DataSourceTransactionManager transactions;
    private EventStorageEngine engine;

    @BeforeEach
    void engine() {
        recorded = connections.over(dataSource);
        transactions = new DataSourceTransactionManager(recorded);
        engine = engine(1000);
    }

    private EventStorageEngine engine(int fetchSize) {
        return new EventStoreConfiguration().eventStorageEngine(Duration.ofSeconds(60), fetchSize, eventSerializer,
                snapshotSerializer, exceptions, axon, new SpringDataSourceConnectionProvider(recorded), transactions, schema);
    }

    @Test
    void aProcessorsFetchAndAnEmptyOneTakeNoTransaction() {
        registerProduct();
        TrackedEventMessage<?> last;
        try (var events = engine.readEvents(null, false)) {
            last = events.reduce((first, second) -> second).orElseThrow();
        }
        try (var nothingNew = engine.readEvents(last.trackingToken(), false)) {
            assertThat(nothingNew.count()).isZero();
        }

        assertThat(calls).filteredOn(call -> call.startsWith("query")).isNotEmpty()
                .allMatch(call -> call.endsWith("autocommit"), "every query autocommitted");
        assertThat(calls).doesNotContain("setAutoCommit(false)", "commit", "rollback");
        assertThat(calls).filteredOn(call -> call.equals("close")).as("every connection back in the pool")
                .hasSameSizeAs(calls.stream().filter(call -> call.equals("getConnection")).toList()).isNotEmpty();
        assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();
    }

    @Test
    void anAppendOutsideATransactionCommitsItsEventsTogether() {
        String aggregate = "storage-" + UUID.randomUUID();

        engine.appendEvents(event(aggregate, 0), event(aggregate, 1));

        assertThat(eventsOf(aggregate)).hasSize(2);
        assertThat(calls).containsSubsequence("setAutoCommit(false)", "commit");
        assertThat(calls).filteredOn(call -> call.equals("commit")).hasSize(1);
    }

    @Test
    void anAppendOutsideATransactionThatFailsStoresNothing() {
        String aggregate = "storage-" + UUID.randomUUID();

        assertThatThrownBy(() -> engine.appendEvents(event(aggregate, 0), event(aggregate, 0)))
                .isInstanceOf(RuntimeException.class);

        assertThat(eventsOf(aggregate)).isEmpty();
        assertThat(calls).contains("rollback").doesNotContain("commit");
    }

    @Test
    void aReadInsideATransactionJoinsIt() {
        String sku = registerProduct();
        calls.clear();

        long read = new TransactionTemplate(transactions).execute(status -> engine.readEvents(sku).asStream().count());

        assertThat(read).isEqualTo(1);
        assertThat(calls).filteredOn(call -> call.startsWith("query")).isNotEmpty()
                .allMatch(call -> call.endsWith("in a transaction"), "every query in the caller's transaction");
        assertThat(calls).filteredOn(call -> call.equals("commit")).hasSize(1);
    }

    @Test
    void aReaderFindsTheNextEventBeyondMoreThanABatchOfPositionsThatRolledBackInOneQuery() {
        EventStorageEngine batchesOfTen = engine(10);
        String aggregate = "storage-" + UUID.randomUUID();
        batchesOfTen.appendEvents(event(aggregate, 0));
        // Fifty positions taken by appends that roll back: a hole five batches wide.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            batchesOfTen.appendEvents(IntStream.range(0, 50).mapToObj(i -> event("rolled-back-" + aggregate, i)).toList());
            status.setRollbackOnly();
        });
        batchesOfTen.appendEvents(event(aggregate, 1));
        List<StoredEvent> stored = eventsOf(aggregate);
        assertThat(stored.get(1).globalIndex() - stored.get(0).globalIndex()).isGreaterThan(50);
        calls.clear();

        TrackedEventMessage<?> next;
        try (var events = batchesOfTen.readEvents(GapAwareTrackingToken.newInstance(stored.get(0).globalIndex(), Set.of()), false)) {
            next = events.findFirst().orElseThrow();
        }

        assertThat(next.trackingToken().position()).hasValue(stored.get(1).globalIndex());
        assertThat(calls).filteredOn(call -> call.startsWith("query")).hasSize(1);
        // Every position skipped is a gap the reader keeps looking at, in case its append is only slow.
        assertThat(((GapAwareTrackingToken) next.trackingToken()).getGaps())
                .hasSize((int) (stored.get(1).globalIndex() - stored.get(0).globalIndex() - 1))
                .allMatch(gap -> gap > stored.get(0).globalIndex() && gap < stored.get(1).globalIndex());
    }

    @Test
    void aReaderPicksUpAFilledGapTogetherWithTheEventsAfterItsPosition() {
        String aggregate = "storage-" + UUID.randomUUID();
        engine.appendEvents(event(aggregate, 0), event(aggregate, 1), event(aggregate, 2));
        List<Long> positions = eventsOf(aggregate).stream().map(StoredEvent::globalIndex).toList();
        // A reader at the second event that has not seen the first one yet (it committed late).
        GapAwareTrackingToken reader = GapAwareTrackingToken.newInstance(positions.get(1), Set.of(positions.get(0)));

        List<Long> read;
        try (var events = engine.readEvents(reader, false)) {
            read = events.map(event -> (DomainEventMessage<?>) event)
                    .filter(event -> aggregate.equals(event.getAggregateIdentifier()))
                    .map(DomainEventMessage::getSequenceNumber).toList();
        }

        assertThat(read).as("sequence numbers read").containsExactly(0L, 2L);
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("StorageTest", aggregate, sequence, "payload " + sequence);
    }
}
