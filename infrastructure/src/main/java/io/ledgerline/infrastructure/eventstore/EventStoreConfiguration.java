package io.ledgerline.infrastructure.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import io.ledgerline.infrastructure.notification.AnnouncingEventStore;
import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.NotificationConfiguration;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.NotifiedEventSource;
import org.axonframework.config.Configuration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Axon's JDBC event storage engine on the {@code events} schema, the same in every app: the
 * command side appends through it, the projections and the query side read through it.
 * With {@code axon.axonserver.enabled=true} (profile {@code axonserver}) the event store is Axon
 * Server's instead; the connection provider and the rest stay, for tokens, sagas and the read side.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import({AxonServerHealthConfiguration.class, NotificationConfiguration.class})
public class EventStoreConfiguration {

    /**
     * Every app's file sets it to {@code false}; the {@code axonserver} profile sets it to {@code true}.
     * Unset still means the JDBC event store, as it did before the profile existed.
     */
    static final String AXON_SERVER_ENABLED = "axon.axonserver.enabled";

    /** The bean name of the event source streaming processors read ({@code axon.eventhandling.processors.*.source}). */
    public static final String PROCESSOR_EVENTS = "processorEvents";

    @Bean
    public EventSchema eventSchema() {
        return EventStoreSchema.eventSchema();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresPersistenceExceptionResolver();
    }

    /**
     * The event store every app appends and reads through; a committed append is announced on
     * {@link Channels#EVENTS} for the processors of every app. Its shared reader looks for new events
     * when told, and otherwise every {@code ledgerline.events.poll-interval} ms.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnProperty(name = AXON_SERVER_ENABLED, havingValue = "false", matchIfMissing = true)
    public AnnouncingEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                           NotificationSender notifications,
                                           @Value("${ledgerline.events.poll-interval:1000}") long pollInterval) {
        return AnnouncingEventStore.over(storageEngine, EmbeddedEventStore.builder()
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(pollInterval), notifications);
    }

    /**
     * What the streaming processors (projections, the fulfilment process) read: the event store,
     * woken by the announcement of an append, with the callback that lets an idle processor start at once.
     */
    @Bean(name = PROCESSOR_EVENTS)
    @ConditionalOnProperty(name = AXON_SERVER_ENABLED, havingValue = "false", matchIfMissing = true)
    public StreamableMessageSource<TrackedEventMessage<?>> processorEvents(AnnouncingEventStore eventStore,
                                                                           DatabaseNotifications notifications) {
        return new NotifiedEventSource(eventStore, notifications.signal(Channels.EVENTS));
    }

    /** In Axon Server mode the processors read Axon Server's event store, which tells them of new events itself. */
    @Bean(name = PROCESSOR_EVENTS)
    @ConditionalOnProperty(name = AXON_SERVER_ENABLED, havingValue = "true")
    public StreamableMessageSource<TrackedEventMessage<?>> axonServerProcessorEvents(EventStore eventStore) {
        // Only the source's face of the event store: one more bean that is an event bus would be one too many.
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return eventStore.openStream(token);
            }

            @Override
            public TrackingToken createTailToken() {
                return eventStore.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return eventStore.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(java.time.Instant dateTime) {
                return eventStore.createTokenAt(dateTime);
            }
        };
    }

    /**
     * Axon's default wraps connections so that it commits and rolls them back itself; here Spring's
     * transactions own the connection, so a command can join a caller's transaction.
     */
    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * Gap safety (docs/operations.md): a global position is taken at insert but becomes visible at
     * commit, so a reader may see a later event before an earlier one. Readers remember such gaps
     * for {@code ledgerline.events.gap-timeout}; the command side's database sessions end any
     * transaction before that ({@code transaction_timeout}), so a slow append either commits while
     * its gap is still watched, or fails and never exists.
     */
    @Bean
    @ConditionalOnProperty(name = AXON_SERVER_ENABLED, havingValue = "false", matchIfMissing = true)
    public EventStorageEngine eventStorageEngine(@Value("${ledgerline.events.gap-timeout:PT60S}") Duration gapTimeout,
                                                 @Value("${ledgerline.events.fetch-size:1000}") int fetchSize,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 @Qualifier("snapshotSerializer") Serializer snapshotSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 PlatformTransactionManager transactions,
                                                 EventSchema eventSchema) {
        JdbcEventStorageEngine.Builder engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .schema(eventSchema)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                // Events per query when a processor reads the stream or an aggregate is loaded (Axon: 100).
                .batchSize(fetchSize)
                // Axon's insert, also returning each event's global position to the request that appended it.
                .appendEvents(AppendedPositions::statement)
                // The next events after a token rather than a window of positions, so an empty read
                // needs no second query for the next position (StreamReads).
                .readEventDataWithoutGaps(StreamReads::withoutGaps)
                .readEventDataWithGaps(StreamReads::withGaps)
                .extendedGapCheckEnabled(false);
        // Spring's transactions, not the app's Axon transaction manager, which on the command side opens
        // a savepoint when it finds a transaction: a SAVEPOINT and a RELEASE around every append and read
        // (docs/performance.md). Reads join the transaction they find and otherwise take none.
        return StatementReadsStorageEngine.over(engine, transactions);
    }
}
