package io.ledgerline.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Command throughput: {@code clients} threads, each sending its next command as soon as the last
 * one was answered, for a fixed time. Throughput counts successful commands only.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /** The outcome of one run. {@code failures} counts answers by status ("-1" = no answer). */
    public record Result(int clients, double seconds, long ok, Map<String, Long> failures, double commandsPerSecond,
                         Latencies.Summary latency, Map<Workload.Kind, Latencies.Summary> byKind) {
    }

    public static Result run(Workload workload, Http http, int clients, Duration duration) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<Client>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long seed = i * 7919L + start;
                running.add(pool.submit(() -> new Client(new Random(seed)).run(workload, http, deadline)));
            }
            List<Client> done = new ArrayList<>();
            for (Future<Client> client : running) {
                done.add(client.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return summarize(clients, seconds, done);
        } catch (Exception e) {
            throw new IllegalStateException("Load run failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result summarize(int clients, double seconds, List<Client> done) {
        Latencies all = new Latencies();
        Map<Workload.Kind, Latencies> byKind = new EnumMap<>(Workload.Kind.class);
        Map<String, Long> failures = new TreeMap<>();
        for (Client client : done) {
            client.latencies.forEach((kind, latencies) -> {
                all.addAll(latencies);
                byKind.computeIfAbsent(kind, k -> new Latencies()).addAll(latencies);
            });
            client.failures.forEach((status, count) -> failures.merge(status, count, Long::sum));
        }
        Map<Workload.Kind, Latencies.Summary> kinds = new EnumMap<>(Workload.Kind.class);
        byKind.forEach((kind, latencies) -> kinds.put(kind, latencies.summary()));
        return new Result(clients, seconds, all.size(), failures, all.size() / seconds, all.summary(), kinds);
    }

    /** One client thread's own records, merged after the run (no sharing while it runs). */
    private static final class Client {

        private final Random random;
        private final Map<Workload.Kind, Latencies> latencies = new EnumMap<>(Workload.Kind.class);
        private final Map<String, Long> failures = new TreeMap<>();

        Client(Random random) {
            this.random = random;
        }

        Client run(Workload workload, Http http, long deadline) {
            while (System.nanoTime() < deadline) {
                Workload.Command command = workload.next(random);
                long sent = System.nanoTime();
                Workload.Outcome outcome = workload.send(http, command);
                long answered = System.nanoTime();
                if (outcome.ok()) {
                    latencies.computeIfAbsent(command.kind(), k -> new Latencies()).add(answered - sent);
                } else {
                    failures.merge(Integer.toString(outcome.status()), 1L, Long::sum);
                }
            }
            return this;
        }
    }
}
