package io.ledgerline.bench;

import io.ledgerline.bench.system.SystemUnderTest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What each process used while a phase ran: CPU in cores (CPU seconds over wall seconds) and the
 * highest memory sampled twice a second. Sampling runs on its own daemon thread.
 */
final class Meter {

    private final SystemUnderTest system;
    private final Map<String, Double> window = new ConcurrentHashMap<>();
    private volatile double postgresPeakPss;

    Meter(SystemUnderTest system) {
        this.system = system;
        Thread sampler = new Thread(this::sample, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** A phase's result with the resources it took. */
    record Measured<T>(T result, Map<String, Double> cpuCores, Map<String, Double> memoryMiB) {
    }

    <T> Measured<T> measure(Supplier<T> phase) {
        return measure(phase, 0);
    }

    /**
     * Measures a phase; {@code settleMillis} later the CPU is read again but not counted as time, so
     * that processes ended by the phase (pgbench's backends) are reaped and their CPU included.
     */
    <T> Measured<T> measure(Supplier<T> phase, long settleMillis) {
        window.clear();
        Map<String, Double> before = system.cpuSeconds();
        long start = System.nanoTime();
        T result = phase.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (settleMillis > 0) {
            try {
                Thread.sleep(settleMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Double> after = system.cpuSeconds();
        Map<String, Double> cores = new LinkedHashMap<>();
        after.forEach((name, used) -> {
            Double was = before.get(name);
            cores.put(name, was == null || was < 0 || used < 0 ? Double.NaN
                    : Math.round(100 * (used - was) / seconds) / 100.0);
        });
        double ours = cores.entrySet().stream().filter(e -> !e.getKey().equals(SystemUnderTest.MACHINE))
                .mapToDouble(Map.Entry::getValue).filter(v -> !Double.isNaN(v)).sum();
        Double machine = cores.remove(SystemUnderTest.MACHINE);
        if (machine != null && !machine.isNaN()) {
            // Someone else's work on the machine (another build, say) makes the phase's figures suspect.
            cores.put("other processes", Math.max(0, Math.round(100 * (machine - ours)) / 100.0));
        }
        Map<String, Double> memory = new LinkedHashMap<>();
        window.forEach((name, mib) -> memory.put(name, (double) Math.round(mib)));
        return new Measured<>(result, cores, memory);
    }

    double postgresPeakPssMiB() {
        return postgresPeakPss;
    }

    private void sample() {
        while (true) {
            try {
                Map<String, Double> now = system.memoryNow();
                now.forEach((name, mib) -> window.merge(name, mib, Math::max));
                postgresPeakPss = Math.max(postgresPeakPss, now.getOrDefault("postgres", 0.0));
            } catch (RuntimeException e) {
                // apps restarting; the next sample will do
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
