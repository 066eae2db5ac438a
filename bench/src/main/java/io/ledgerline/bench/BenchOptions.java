package io.ledgerline.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How big and how long a run is. The full run is what docs/performance.md reports; {@code --quick}
 * is for trying the harness out (short phases, a smaller seeded store).
 *
 * @param phaseSeconds      length of each measured load phase
 * @param warmUpSeconds     load before the first measurement, for the JIT (not reported)
 * @param products          products the reservations and orders spread over
 * @param payments          authorized payments the captures spread over
 * @param seedOrders        OrderPlaced events added in SQL before the rebuild and the large-store runs
 * @param longStreamEvents  events of the one long-lived product
 * @param pgbenchAggregates aggregates in pgbench's event table (five events each to start with)
 * @param until             stop after this phase (throughput, e2e, pgbench) instead of running all
 * @param only              run only this part ({@code rebuild}: seed, raw read and rebuild, for trying a rebuild change)
 * @param profile           record the command side at 16 clients and the rebuild with Java Flight Recorder
 * @param rebuildMinutes    how long the rebuild may take before it is measured over the part it did
 * @param peerJar           the stock-Axon peer (bench/stock-axon), measured on the same load; none: not measured
 */
public record BenchOptions(boolean quick, int phaseSeconds, int warmUpSeconds, int products, int payments,
                           long seedOrders, int longStreamEvents, int pgbenchAggregates, Path appsJar,
                           Path workDirectory, Path resultsDirectory, List<String> appJvmOptions, String until, String only,
                           boolean profile, int rebuildMinutes, Path peerJar) {

    public static final List<Integer> CLIENTS = List.of(1, 4, 16);

    static BenchOptions parse(String[] args) {
        List<String> list = Arrays.asList(args);
        boolean quick = list.contains("--quick");
        int phase = Integer.parseInt(value(list, "--phase-seconds", quick ? "10" : "30"));
        long seed = Long.parseLong(value(list, "--seed-events", quick ? "200000" : "1000000"));
        String jvm = System.getenv().getOrDefault("BENCH_APP_JAVA_OPTS", "").trim();
        return new BenchOptions(quick, phase, quick ? 10 : 45, quick ? 500 : 2000, quick ? 500 : 2000, seed, 10_000,
                quick ? 50_000 : 100_000,
                Path.of(value(list, "--apps-jar", "launcher/target/ledgerline-local.jar")),
                Path.of(value(list, "--work", "bench/target/run")),
                Path.of(value(list, "--out", "bench/results")),
                jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")), value(list, "--until", "all"),
                value(list, "--only", "all"),
                !list.contains("--no-profile"),
                Integer.parseInt(value(list, "--rebuild-minutes", quick ? "5" : "45")),
                list.contains("--peer-jar") ? Path.of(value(list, "--peer-jar", "")) : null);
    }

    private static String value(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }
}
