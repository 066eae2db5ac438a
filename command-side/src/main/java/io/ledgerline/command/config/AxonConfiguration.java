package io.ledgerline.command.config;

import io.ledgerline.domain.inventory.InventoryItem;
import io.ledgerline.domain.order.Order;
import io.ledgerline.domain.payment.Payment;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import io.ledgerline.command.idempotency.RetriedCommands;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import io.ledgerline.infrastructure.eventstore.TokenTables;
import org.axonframework.common.transaction.TransactionManager;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Registers the domain's aggregates (the domain carries no Spring stereotypes) and the command gateway. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * @param snapshotEvery a snapshot of an aggregate after this many events loaded or applied since
     *                      the last one (0: none), so that a long-lived aggregate costs about what a new one does
     * @param cacheSize     aggregates of each type this instance keeps on the heap between commands (0: none);
     *                      a cached one is used only after checking it is the store's latest
     *                      ({@link StrictVersionRepository})
     */
    @Bean
    public ConfigurerModule aggregates(@Value("${ledgerline.snapshots.every:100}") int snapshotEvery,
                                       @Value("${ledgerline.aggregates.cache-size:10000}") int cacheSize,
                                       MeterRegistry meters, JdbcTemplate jdbc) {
        StoredHeads heads = new StoredHeads(jdbc);
        return configurer -> configurer
                .configureAggregate(strictlyVersioned(InventoryItem.class, snapshotEvery, cache(InventoryItem.class, cacheSize, meters), heads))
                .configureAggregate(strictlyVersioned(Order.class, snapshotEvery, cache(Order.class, cacheSize, meters), heads))
                .configureAggregate(strictlyVersioned(Payment.class, snapshotEvery, cache(Payment.class, cacheSize, meters), heads));
    }

    /** The aggregate type's cache; null for none. */
    private static AggregateCache cache(Class<?> type, int size, MeterRegistry meters) {
        return size > 0 ? new AggregateCache(type.getSimpleName(), size, meters) : null;
    }

    private static <A> AggregateConfigurer<A> strictlyVersioned(Class<A> type, int snapshotEvery, AggregateCache cache,
                                                                StoredHeads heads) {
        return AggregateConfigurer.defaultConfiguration(type).configureRepository(c -> {
            EventSourcingRepository.Builder<A> repository = EventSourcingRepository.builder(type)
                    .eventStore(c.eventStore())
                    .parameterResolverFactory(c.parameterResolverFactory())
                    .handlerDefinition(c.handlerDefinition(type))
                    .repositoryProvider(c::repository)
                    .spanFactory(c.getComponent(RepositorySpanFactory.class));
            if (snapshotEvery > 0) {
                // One snapshotter per aggregate type, run in the committing thread and transaction.
                Snapshotter snapshotter = AggregateSnapshotter.builder()
                        .eventStore(c.eventStore())
                        .aggregateFactories(new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory
                                .inspectAggregate(type, c.parameterResolverFactory(), c.handlerDefinition(type))))
                        .repositoryProvider(c::repository)
                        .parameterResolverFactory(c.parameterResolverFactory())
                        .handlerDefinition(c.handlerDefinition(type))
                        .transactionManager(c.getComponent(TransactionManager.class))
                        .build();
                repository.snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, snapshotEvery));
            }
            return new StrictVersionRepository<>(repository, cache, heads);
        });
    }

    /**
     * A command inside a larger transaction (an idempotent request, a saga step) runs in a
     * savepoint, so a refused command rolls back only its own work.
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SavepointTransactionManager(transactionManager);
    }

    /**
     * The bus that runs this instance's command handlers: Axon's own, except that a refused command
     * reports its problem in the details of a {@code CommandExecutionException}, the same in both modes
     * ({@link ProblemReportingCommandBus}). With Axon Server it is the local segment the server's
     * command bus hands its commands to; Axon's auto-configuration then builds no bus of its own.
     */
    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus localSegment(TransactionManager transactionManager,
                                         org.axonframework.config.Configuration axon,
                                         DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = new ProblemReportingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenTables.schema("events.token_entry");
    }

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         RetriedCommands retried,
                                         @Value("${ledgerline.commands.conflict-retries:4}") int retries) {
        ExponentialBackOffIntervalRetryScheduler backOff = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .maxRetryCount(retries)
                .backoffFactor(5)
                .build();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(backOff, retried))
                .build();
    }
}
