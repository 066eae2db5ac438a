package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.Signal;
import io.ledgerline.projections.config.ProjectionConfiguration;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static io.ledgerline.projections.support.ReadModelDatabase.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter queue's cache of parked aggregates, on the real dead-letter table: it saves the
 * query while nothing can have changed, and never lets an event of a parked aggregate through or
 * parks one behind letters that are gone. Announcements are queued but never sent here (the sender
 * is not started), as if each were still on its way: what is proven holds without them.
 */
class CachedDeadLettersTest {

    private static ReadModelDatabase database;
    private static DatabaseNotifications listener;
    private static Signal changes;

    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private String group;
    private JdbcSequencedDeadLetterQueue<EventMessage<?>> jdbcQueue;
    private Supplier<List<String>> query;

    @BeforeAll
    static void start() {
        database = ReadModelDatabase.migrated();
        listener = new DatabaseNotifications(database.dataSource(), Duration.ofSeconds(10), Duration.ofMillis(100));
        listener.start();
        changes = listener.signal(Channels.DEAD_LETTERS);
        await().atMost(Duration.ofSeconds(10)).until(changes::listening);
    }

    @AfterAll
    static void stop() {
        listener.stop();
        database.close();
    }

    @BeforeEach
    void queue() {
        group = unique("cache-test");
        jdbcQueue = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(database.dataSource()::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new ProjectionConfiguration().deadLetterSchema())
                .genericSerializer(JacksonSerializer.defaultSerializer())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .build();
        Supplier<List<String>> parked = CachedDeadLetters.parkedQuery(database.jdbc(), group);
        query = () -> {
            reads.incrementAndGet();
            return parked.get();
        };
    }

    private CachedDeadLetters cache(Supplier<List<String>> readParked) {
        return new CachedDeadLetters(jdbcQueue, readParked, group, claims::get, changes,
                new NotificationSender(database.dataSource(), Duration.ofMillis(2)));
    }

    @Test
    void batchesShareOneReadUntilThisInstanceClaimsASegment() {
        CachedDeadLetters queue = cache(query);

        inBatch(() -> assertThat(queue.contains("a")).isFalse());
        inBatch(() -> assertThat(queue.contains("b")).isFalse());
        assertThat(reads).hasValue(1);

        claims.incrementAndGet(); // a segment came from another instance, with whatever it parked there
        inBatch(() -> assertThat(queue.contains("a")).isFalse());
        assertThat(reads).hasValue(2);
    }

    @Test
    void anAggregateParkedWhileAnotherSegmentReadTheSetStaysParked() {
        String parked = unique("parked");
        CachedDeadLetters[] queue = new CachedDeadLetters[1];
        // A batch of another segment reads the set; while its query runs, a batch parks an event and commits.
        AtomicInteger calls = new AtomicInteger();
        queue[0] = cache(() -> {
            List<String> before = query.get();
            if (calls.incrementAndGet() == 1) {
                CompletableFuture.runAsync(() -> inBatch(() -> queue[0].enqueue(parked, letter(parked)))).join();
            }
            return before;
        });

        inBatch(() -> assertThat(queue[0].contains("elsewhere")).isFalse());

        // The parking segment's next batch must not take the stale set, stored after the change ended.
        inBatch(() -> assertThat(queue[0].contains(parked)).isTrue());
    }

    @Test
    void anAggregateRetriedByAnotherInstanceIsNotParkedAgainBeforeItsAnnouncementArrives() {
        String retried = unique("retried");
        CachedDeadLetters queue = cache(query);
        inBatch(() -> queue.enqueue(retried, letter(retried)));
        inBatch(() -> assertThat(queue.contains(retried)).isTrue());

        // Another instance's retry handled the letters and removed them; this one has not heard yet.
        database.jdbc().sql("DELETE FROM read.dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?")
                .params(group, retried).update();

        inBatch(() -> assertThat(queue.contains(retried)).isFalse());
    }

    private static GenericDeadLetter<EventMessage<?>> letter(String aggregate) {
        return new GenericDeadLetter<>(aggregate,
                new GenericDomainEventMessage<>("Product", aggregate, 0, "payload of " + aggregate));
    }

    /** Runs {@code work} as a processor batch would: in a batching unit of work, committed at the end. */
    private static void inBatch(ThrowingRunnable work) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(
                List.of(new GenericDomainEventMessage<>("Product", "any", 0, "event")));
        batch.execute(() -> {
            try {
                work.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
