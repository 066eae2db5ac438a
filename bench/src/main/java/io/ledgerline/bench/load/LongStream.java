package io.ledgerline.bench.load;

import java.util.Random;

/**
 * The cost of loading a long-lived aggregate: the same command (reserve one unit) sent one at a
 * time to a product with a very long stream and to an ordinary product, alternately, so both
 * see the same conditions. Without snapshots the command side replays the whole stream on every
 * command; the difference of the two latencies is that replay.
 */
public final class LongStream {

    private LongStream() {
    }

    /** Latencies of commands on the long stream and on an ordinary aggregate. */
    public record Result(String longAggregate, long longStreamEvents, Latencies.Summary onLongStream,
                         Latencies.Summary onOrdinary, double replayMs) {
    }

    public static Result measure(Workload workload, Http http, String longSku, long events, int commands) {
        Random random = new Random(42);
        Latencies onLong = new Latencies();
        Latencies onOrdinary = new Latencies();
        for (int i = 0; i < commands + 3; i++) {
            boolean warm = i >= 3; // the first few load classes and caches, not the stream
            time(workload, http, workload.reserve(longSku), warm ? onLong : new Latencies());
            time(workload, http, workload.reserve(workload.anySku(random)), warm ? onOrdinary : new Latencies());
        }
        Latencies.Summary longSummary = onLong.summary();
        Latencies.Summary ordinary = onOrdinary.summary();
        return new Result(longSku, events, longSummary, ordinary, longSummary.p50Ms() - ordinary.p50Ms());
    }

    private static void time(Workload workload, Http http, Workload.Command command, Latencies into) {
        long sent = System.nanoTime();
        Workload.Outcome outcome = workload.send(http, command);
        if (!outcome.ok()) {
            throw new IllegalStateException(command.kind() + " on " + command.aggregateId() + " failed: " + outcome.status());
        }
        into.add(System.nanoTime() - sent);
    }
}
