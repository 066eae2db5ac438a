package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.eventstore.EventStoreConfiguration;
import io.ledgerline.infrastructure.eventstore.StoredTokens;
import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.Signal;
import io.ledgerline.infrastructure.observability.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one pooled streaming processor per read model generation that should run: the live one,
 * and the next one while it is being rebuilt. Every instance of the projections app aligns itself
 * with {@code read.projection_generation} on a short interval, so a rebuild started through one
 * instance, its switch-over and the removal of the old generation reach all of them.
 */
@Component
public class ProjectionRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRuntime.class);
    /** This instance's name in the token store, as Axon's JDBC token store writes it by default. */
    static final String NODE = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

    private final Map<String, ReadModel> models;
    private final Generations generations;
    private final EventStore eventStore;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final AnnouncingTokenStore tokenStore;
    private final Signal deadLetterChanges;
    private final TransactionManager transactionManager;
    private final ConnectionProvider connectionProvider;
    private final DeadLetterSchema deadLetterSchema;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations namedJdbc;
    private final NotificationSender notifications;
    private final ProjectionSettings settings;
    private final PlatformTransactionManager platformTransactions;
    private final TraceContext traces;
    private final MeterRegistry meters;
    private final Map<String, RunningProjection> running = new ConcurrentHashMap<>();
    /** Generations this instance is writing in bulk, by processor name; their processors wait until they end. */
    private final Map<String, BulkBuild> bulks = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean started;

    public ProjectionRuntime(List<ReadModel> models, Generations generations, EventStore eventStore,
                             @Qualifier(EventStoreConfiguration.PROCESSOR_EVENTS)
                             StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokenStore, TransactionManager transactionManager,
                             ConnectionProvider connectionProvider, DeadLetterSchema deadLetterSchema,
                             Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                             JdbcClient jdbc, ProjectionSettings settings,
                             PlatformTransactionManager platformTransactions, TraceContext traces,
                             NotificationSender notifications, DatabaseNotifications listener,
                             NamedParameterJdbcOperations namedJdbc, MeterRegistry meters) {
        this.namedJdbc = namedJdbc;
        this.meters = meters;
        this.platformTransactions = platformTransactions;
        this.traces = traces;
        this.models = models.stream().collect(Collectors.toMap(ReadModel::name, Function.identity()));
        this.generations = generations;
        this.eventStore = eventStore;
        this.events = events;
        this.tokenStore = new AnnouncingTokenStore(tokenStore, notifications);
        this.notifications = notifications;
        this.deadLetterChanges = listener.signal(Channels.DEAD_LETTERS);
        this.transactionManager = transactionManager;
        this.connectionProvider = connectionProvider;
        this.deadLetterSchema = deadLetterSchema;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(named("projection-runtime"));
        reconcile();
        long interval = settings.reconcileInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::reconcileSafely, interval, interval, TimeUnit.MILLISECONDS);
        started = true;
    }

    @Override
    public void stop() {
        started = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        bulks.values().forEach(BulkBuild::stop);
        bulks.clear();
        running.values().forEach(RunningProjection::shutdown);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * Starts building the next generation of a model beside the live one; returns its number. With
     * {@code bulk-rebuild} on, this instance then lays out the new generation's segments, claims
     * them, and writes the history up to the current head in bulk ({@link BulkBuild}) before the
     * generation's processor takes over. If another instance's processor laid the segments out
     * first, that processor builds the generation, as without bulk.
     */
    public int rebuild(String model) {
        ReadModel readModel = model(model);
        long target = headPosition();
        int generation;
        BulkBuild bulk = null;
        synchronized (this) {
            // With the monitor reconcile() takes, so that it cannot start this instance's processor
            // for the new generation before the bulk build is known.
            generation = generations.startBuilding(readModel, target);
            if (settings.bulkRebuild()) {
                bulk = new BulkBuild(readModel.processorName(generation), segments(readModel), target,
                        handlers(readModel, generation), events, tokenStore, new TransactionTemplate(platformTransactions), namedJdbc,
                        // One connection per segment at most: a model on one segment (sales) shares rows
                        // between keys, which writers side by side would deadlock on.
                        settings.rebuildBatchSize(), Math.min(settings.threads(), segments(readModel)),
                        bulkEvents(readModel), this::bulkEnded);
                bulks.put(bulk.processor(), bulk);
            }
        }
        log.info("Rebuilding read model {} as generation {}", model, generation);
        if (bulk != null) {
            if (started && bulk.claim()) {
                bulk.start();
            } else {
                bulks.remove(bulk.processor(), bulk);
            }
        }
        reconcile();
        return generation;
    }

    /** The model's event handlers, writing to {@code generation}'s tables. */
    private AnnotationEventHandlerAdapter handlers(ReadModel model, int generation) {
        return new AnnotationEventHandlerAdapter(model.handler().apply(new ReadModelSql(jdbc, generation)));
    }

    /** Events a rebuild of {@code model} wrote in bulk, in this instance. */
    private Counter bulkEvents(ReadModel model) {
        return Counter.builder("ledgerline.projection.rebuild.bulk.events").tag("model", model.name())
                .description("events a rebuild went through in bulk, before its processor took over")
                .register(meters);
    }

    /** A bulk build ended: its generation's processor starts here at the next reconcile, which is now. */
    private void bulkEnded(BulkBuild bulk) {
        bulks.remove(bulk.processor(), bulk);
        ScheduledExecutorService current = scheduler;
        if (started && current != null) {
            try {
                current.execute(this::reconcileSafely);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the runtime is stopping; nothing more to start
            }
        }
    }

    /** Whether this instance is writing a generation in bulk. */
    boolean buildingInBulk(String model, int generation) {
        return bulks.containsKey(model(model).processorName(generation));
    }

    public ReadModel model(String name) {
        ReadModel model = models.get(name);
        if (model == null) {
            throw new UnknownReadModelException(name, models.keySet());
        }
        return model;
    }

    public Set<String> modelNames() {
        return models.keySet();
    }

    /** The processor this instance runs for a model's generation, if any. */
    public java.util.Optional<RunningProjection> running(String model, int generation) {
        return java.util.Optional.ofNullable(running.get(model(model).processorName(generation)));
    }

    /** The global position of the newest event in the store (0 when empty). */
    public long headPosition() {
        return eventStore.createHeadToken() == null ? 0 : eventStore.createHeadToken().position().orElse(0);
    }

    private void reconcileSafely() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Aligning the projection processors with the generations table failed; will retry", e);
        }
    }

    synchronized void reconcile() {
        List<Generation> rows = generations.all();
        Set<String> wanted = new HashSet<>();
        for (Generation row : rows) {
            ReadModel model = models.get(row.model());
            if (model == null) {
                continue;
            }
            wanted.add(model.processorName(row.active()));
            ensureRunning(model, row.active(), false);
            if (row.building() != null) {
                String building = model.processorName(row.building());
                wanted.add(building);
                if (!bulks.containsKey(building)) {
                    ensureRunning(model, row.building(), true);
                }
            }
        }
        for (String name : Set.copyOf(bulks.keySet())) {
            if (!wanted.contains(name)) {
                log.info("Stopping the bulk build of {}: its generation is no longer being built", name);
                BulkBuild bulk = bulks.remove(name);
                if (bulk != null) {
                    bulk.stop();
                }
            }
        }
        for (String name : Set.copyOf(running.keySet())) {
            if (!wanted.contains(name)) {
                log.info("Stopping processor {}: its generation is no longer live", name);
                running.remove(name).shutdown();
            }
        }
        Set<String> instances = generations.heartbeat(NODE, settings.reconcileInterval().multipliedBy(5));
        running.values().forEach(projection -> balance(projection, instances));
        for (Generation row : rows) {
            ReadModel model = models.get(row.model());
            if (model != null && row.building() != null) {
                switchIfCaughtUp(model, row);
            }
            if (model != null && row.retired() != null) {
                generations.dropRetired(model, settings.retiredGrace());
            }
        }
    }

    /**
     * Shares a processor's segments fairly among the live instances (those that reported in
     * {@code read.projection_instance} recently): one that holds more than its share releases the
     * surplus for another to claim. Segments of an instance
     * that died are claimed by the survivors once their claims expire; Axon never claims more
     * than it can, so no segment is left unowned for long.
     */
    private void balance(RunningProjection projection, Set<String> instances) {
        List<Generations.SegmentToken> tokens = generations.tokens(projection.name());
        int fairShare = (int) Math.ceil((double) tokens.size() / Math.max(1, instances.size()));
        List<Integer> mine = tokens.stream().filter(token -> NODE.equals(token.owner()))
                .map(Generations.SegmentToken::segment).toList();
        for (int surplus = mine.size() - fairShare; surplus > 0; surplus--) {
            int segment = mine.get(mine.size() - surplus);
            log.info("Releasing segment {} of {} to share the work with {} other instance(s)", segment,
                    projection.name(), instances.size() - 1);
            projection.processor().releaseSegment(segment);
        }
    }

    /** Lets a built generation go live once every segment is close enough to the head. */
    private void switchIfCaughtUp(ReadModel model, Generation row) {
        String processor = model.processorName(row.building());
        List<Generations.SegmentToken> tokens = generations.tokens(processor);
        if (tokens.size() < segments(model)) {
            return;
        }
        long reached = tokens.stream().mapToLong(t -> StoredTokens.reached(StoredTokens.parse(t.token()))).min().orElse(-1);
        if (reached < row.buildingTarget()) {
            return;
        }
        long head = headPosition();
        if (head - reached > settings.switchWithin()) {
            generations.retarget(model.name(), head);
            return;
        }
        if (generations.switchTo(model, row.building())) {
            log.info("Read model {} now serves generation {} (was {})", model.name(), row.building(), row.active());
        }
    }

    private void ensureRunning(ReadModel model, int generation, boolean building) {
        String name = model.processorName(generation);
        if (running.containsKey(name)) {
            return;
        }
        SequencedDeadLetterQueue<EventMessage<?>> deadLetters = new CachedDeadLetters(JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(name)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(deadLetterSchema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build(), CachedDeadLetters.parkedQuery(jdbc, name), name, tokenStore::claims, deadLetterChanges, notifications);
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new BatchingEventHandler(
                        handlers(model, generation),
                        platformTransactions, namedJdbc, traces, name, model.name(), notifications))
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .queue(deadLetters)
                .transactionManager(transactionManager)
                .build();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(named(name + "-coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(settings.threads(), named(name + "-worker"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(events)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments(model))
                .batchSize(building ? settings.rebuildBatchSize() : settings.batchSize())
                .claimExtensionThreshold(settings.idleTokenInterval().toMillis())
                .build();
        processor.start();
        running.put(name, new RunningProjection(model, generation, processor, invoker, deadLetters, coordinator, workers,
                Instant.now()));
        log.info("Started processor {} ({})", name, building ? "building" : "live");
    }

    private int segments(ReadModel model) {
        return model.segments() != null ? model.segments() : settings.segments();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
