package io.ledgerline.projections.runtime;

import io.micrometer.core.instrument.Counter;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Writes the history of a generation being built straight from the event stream, in large
 * chunks, before the generation's processor takes over (docs/operations.md, "Rebuilding a
 * read model").
 * <p>
 * The processor of a generation spreads each batch over its segments and work packages, stores a
 * token per segment per batch and checks the dead-letter queue; over a whole history that
 * machinery costs more than the handlers. Here one thread reads the stream and deserializes what
 * the model handles, and another runs the model's own handlers over a chunk of events and collects
 * their row writes ({@link RowWrites}). It spreads the writes over {@code parallelism} connections
 * by key (writes to one row stay in order on one connection), writes the parts side by side, each
 * in its own transaction, and then stores the token every segment has reached. The handlers are
 * the same ones the processor calls: how an event changes a row is said in one place.
 * <p>
 * <b>Handover.</b> The segments' token rows are created and claimed by this instance when the
 * rebuild starts ({@link ProjectionRuntime#rebuild}); each chunk stores the new token and so
 * renews the claims, and the build releases them when it ends. Processors of the generation in
 * other instances cannot claim a segment meanwhile (as long as each chunk commits within the claim
 * timeout); afterwards they, and this instance's, carry on from the stored token, gaps included,
 * as from any token. If this instance dies, its claims expire and the processors carry on from the
 * last stored token. If a chunk fails (a handler throws, the database refuses a row, a claim was
 * lost), the processor takes over from the token before it, so an event that fails again is
 * parked by the usual dead-letter path, alone.
 */
final class BulkBuild {

    private static final Logger log = LoggerFactory.getLogger(BulkBuild.class);
    /** Chunks read ahead of the one being written. */
    private static final int READ_AHEAD = 2;
    /** How long the reader waits for the stream before deciding it has reached the end. */
    private static final long END_OF_STREAM_MILLIS = 2_000;

    private final String processor;
    private final int segments;
    private final long target;
    private final EventMessageHandler handler;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokens;
    private final TransactionTemplate transactions;
    private final NamedParameterJdbcOperations jdbc;
    private final int chunkSize;
    private final Consumer<BulkBuild> finished;
    private final Counter counted;
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(READ_AHEAD);
    /** The plain inserts of the model, sent by COPY: the generation's tables are fresh. */
    private final CopyInserts copies = new CopyInserts();
    private final Thread writer;
    /** The writers besides {@link #writer}, one thread each; null when it writes alone. */
    private final ExecutorService others;
    private final int parallelism;
    private final Thread reader;
    private volatile boolean stopping;
    private volatile long written = -1;
    private volatile TrackingToken from;
    /** What stopped the reader, if it failed. */
    private volatile RuntimeException readFailure;

    /**
     * @param processor the generation's processor, whose token rows this instance has claimed
     * @param target    the position the build writes up to; the processor does the rest
     * @param handler   the model's handlers for the generation
     * @param parallelism connections a chunk's writes are spread over, by key
     * @param progress  counts the events the build has gone through (written, or not the model's)
     * @param finished  told once the build has ended, whichever way
     */
    BulkBuild(String processor, int segments, long target, EventMessageHandler handler,
              StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens,
              TransactionTemplate transactions, NamedParameterJdbcOperations jdbc, int chunkSize, int parallelism,
              Counter progress, Consumer<BulkBuild> finished) {
        this.counted = progress;
        this.parallelism = parallelism;
        this.processor = processor;
        this.segments = segments;
        this.target = target;
        this.handler = handler;
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
        this.finished = finished;
        this.writer = new Thread(this::write, processor + "-bulk");
        AtomicInteger threads = new AtomicInteger(1);
        this.others = parallelism < 2 ? null : Executors.newFixedThreadPool(parallelism - 1, runnable -> {
            Thread thread = new Thread(runnable, processor + "-bulk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.reader = new Thread(this::read, processor + "-bulk-reader");
        writer.setDaemon(true);
        reader.setDaemon(true);
    }

    String processor() {
        return processor;
    }

    /**
     * Lays out the generation's segments and claims them for this instance, in one transaction;
     * false if that failed, typically because a processor of another instance laid them out first.
     */
    boolean claim() {
        try {
            from = transactions.execute(status -> {
                tokens.initializeTokenSegments(processor, segments);
                TrackingToken first = tokens.fetchToken(processor, 0);
                for (int segment = 1; segment < segments; segment++) {
                    tokens.fetchToken(processor, segment);
                }
                return first;
            });
            return true;
        } catch (RuntimeException e) {
            log.info("Not building {} in bulk: its segments could not be laid out and claimed here ({}); "
                    + "its processors build it", processor, rootMessage(e));
            return false;
        }
    }

    /** Starts reading and writing, once the segments are claimed. */
    void start() {
        log.info("Building {} in bulk up to position {}", processor, target);
        reader.start();
        writer.start();
    }

    /** Stops the build where it is; the processor carries on from the last stored token. */
    void stop() {
        stopping = true;
        reader.interrupt();
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the stream from the claimed token to the target, in chunks, deserializing what the model handles. */
    private void read() {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(from)) {
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
            boolean end = false;
            while (!end && !stopping) {
                if (!stream.hasNextAvailable((int) END_OF_STREAM_MILLIS, TimeUnit.MILLISECONDS)) {
                    end = true;
                } else {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (handler.canHandle(event)) {
                        event.getPayload();
                    }
                    chunk.add(event);
                    end = position(event) >= target;
                }
                if (end || chunk.size() >= chunkSize) {
                    Chunk ready = new Chunk(chunk, end);
                    boolean queued = false;
                    while (!queued && !stopping) {
                        queued = chunks.offer(ready, 100, TimeUnit.MILLISECONDS);
                    }
                    chunk = new ArrayList<>(chunkSize);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            readFailure = failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Reading the event stream failed", failure);
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    private void write() {
        try {
            boolean end = false;
            while (!end && !stopping) {
                Chunk chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    if (readFailure != null) {
                        throw readFailure;
                    }
                    if (!reader.isAlive() && chunks.isEmpty() && !stopping) {
                        throw new IllegalStateException("the reader of the event stream stopped early");
                    }
                    continue;
                }
                if (!chunk.events().isEmpty()) {
                    writeChunk(chunk.events());
                }
                end = chunk.last();
            }
            if (end) {
                log.info("Built {} in bulk up to position {}; its processor carries on from there", processor, written);
            } else {
                logStopped();
            }
        } catch (InterruptedException e) {
            logStopped();
        } catch (RuntimeException | Error failure) {
            if (stopping) {
                logStopped();
            } else {
                log.warn("Building {} in bulk stopped {} ({}); its processor carries on from there (an event "
                        + "that fails again is parked)", processor,
                        written < 0 ? "before its first chunk" : "after position " + written, rootMessage(failure));
            }
        } finally {
            stopping = true;
            reader.interrupt();
            if (others != null) {
                others.shutdownNow();
            }
            // An interrupt left over from stop() would make the pool refuse the connection the release needs.
            Thread.interrupted();
            releaseClaims();
            finished.accept(this);
        }
    }

    private void logStopped() {
        log.info("Stopped building {} in bulk at position {}; its processor carries on from there", processor, written);
    }

    /**
     * The chunk's row writes, split by key over the writers, each part in its own transaction side
     * by side; then, once all have committed, every segment's token at the chunk's last event. If a
     * part fails after another committed, the processor handles the chunk again from the previous
     * token, and the committed part's writes change nothing the second time (every write is safe to
     * repeat, {@link ReadModelSql#write}).
     */
    private void writeChunk(List<TrackedEventMessage<?>> chunk) throws InterruptedException {
        RowWrites[] parts = new RowWrites[parallelism];
        for (int part = 0; part < parts.length; part++) {
            parts[part] = new RowWrites();
        }
        for (TrackedEventMessage<?> event : chunk) {
            if (handler.canHandle(event)) {
                for (RowWrites.Write write : handle(event)) {
                    parts[Math.floorMod(write.key().hashCode(), parts.length)].add(write);
                }
            }
        }
        List<Future<?>> sideBySide = new ArrayList<>(parts.length - 1);
        for (int part = 1; part < parts.length; part++) {
            RowWrites rows = parts[part];
            sideBySide.add(others.submit(() -> transactions.executeWithoutResult(status -> rows.flush(jdbc, copies))));
        }
        RuntimeException failure = null;
        try {
            transactions.executeWithoutResult(status -> parts[0].flush(jdbc, copies));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> other : sideBySide) {
            try {
                other.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        TrackingToken reached = chunk.get(chunk.size() - 1).trackingToken();
        transactions.executeWithoutResult(status -> {
            for (int segment = 0; segment < segments; segment++) {
                tokens.storeToken(reached, processor, segment);
            }
        });
        written = position(chunk.get(chunk.size() - 1));
        counted.increment(chunk.size());
    }

    private List<RowWrites.Write> handle(TrackedEventMessage<?> event) {
        try {
            return RowWrites.collecting(() -> handler.handle(event));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A handler of " + processor + " failed on event " + event.getIdentifier(), e);
        }
    }

    private void releaseClaims() {
        try {
            transactions.executeWithoutResult(status -> {
                for (int segment = 0; segment < segments; segment++) {
                    tokens.releaseClaim(processor, segment);
                }
            });
        } catch (RuntimeException e) {
            log.info("Could not release the claims of {} ({}); they expire on their own", processor, rootMessage(e));
        }
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken() == null ? -1 : event.trackingToken().position().orElse(-1);
    }

    private static String rootMessage(Throwable failure) {
        return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
    }

    /** Events read, and whether they are the last ones to write. */
    private record Chunk(List<TrackedEventMessage<?>> events, boolean last) {
    }
}
