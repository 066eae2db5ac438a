package io.ledgerline.bench.load;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end latency: commands arrive at a fixed rate (open loop, so a slow answer does not slow
 * the arrivals down); after each answer, the query side is asked for the written version with
 * {@code ?minVersion=}, and the time from the command's answer to the query's answer is how long
 * the change took to become visible. The query side re-checks a waiting read every 20 ms
 * ({@code ledgerline.query.consistency-poll-interval}), so that is the resolution.
 */
public final class EndToEnd {

    /** Re-asks after a 503 (not visible within the query side's 2 s wait) at most this often. */
    private static final int MAX_WAITS = 5;

    private EndToEnd() {
    }

    /**
     * @param commandsPerSecond the arrival rate asked for; {@code achievedPerSecond} what was sent
     * @param notVisible        commands whose change was not visible within about 10 s
     */
    public record Result(double commandsPerSecond, double achievedPerSecond, double seconds, long completed,
                         long failedCommands, long notVisible, Latencies.Summary commandLatency,
                         Latencies.Summary visibleAfter, Map<Workload.Kind, Latencies.Summary> visibleAfterByKind) {
    }

    /** Commands go out through {@code commands}, reads through {@code queries} (a caller allowed to read them all). */
    public static Result run(Workload workload, Http commands, Http queries, String queryUrl, double rate,
                             Duration duration) {
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        Latencies answered = new Latencies();
        Map<Workload.Kind, Latencies> visible = new EnumMap<>(Workload.Kind.class);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong notVisible = new AtomicLong();
        long start = System.nanoTime();
        long period = (long) (1e9 / rate);
        arrivals.scheduleAtFixedRate(() -> {
            sent.incrementAndGet();
            workers.execute(() -> one(workload, commands, queries, queryUrl, answered, visible, failed, notVisible));
        }, 0, period, TimeUnit.NANOSECONDS);
        try {
            Thread.sleep(duration.toMillis());
            arrivals.shutdownNow();
            double seconds = (System.nanoTime() - start) / 1e9;
            workers.shutdown();
            if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            Latencies all = new Latencies();
            Map<Workload.Kind, Latencies.Summary> byKind = new EnumMap<>(Workload.Kind.class);
            synchronized (visible) {
                visible.forEach((kind, latencies) -> {
                    all.addAll(latencies);
                    byKind.put(kind, latencies.summary());
                });
            }
            Latencies.Summary commandLatency;
            synchronized (answered) {
                commandLatency = answered.summary();
            }
            return new Result(rate, sent.get() / seconds, seconds, all.size(), failed.get(), notVisible.get(),
                    commandLatency, all.summary(), byKind);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            arrivals.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static void one(Workload workload, Http commands, Http queries, String queryUrl, Latencies latencies,
                            Map<Workload.Kind, Latencies> visible, AtomicLong failed, AtomicLong notVisible) {
        Random random = ThreadLocalRandom.current();
        Workload.Command command = workload.next(random);
        long sent = System.nanoTime();
        Workload.Outcome outcome = workload.send(commands, command);
        long answered = System.nanoTime();
        if (!outcome.ok()) {
            failed.incrementAndGet();
            return;
        }
        synchronized (latencies) {
            latencies.add(answered - sent);
        }
        String url = queryUrl + Workload.visibilityPath(command.kind(), outcome);
        for (int attempt = 0; attempt < MAX_WAITS; attempt++) {
            Http.Response read = queries.get(url);
            if (read.ok()) {
                long seen = System.nanoTime();
                synchronized (visible) {
                    visible.computeIfAbsent(command.kind(), k -> new Latencies()).add(seen - answered);
                }
                return;
            }
        }
        notVisible.incrementAndGet();
    }
}
