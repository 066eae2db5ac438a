package io.ledgerline.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Latencies in microseconds, kept whole (a run has at most a few hundred thousand), for exact percentiles. */
public final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    public void add(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, size * 2);
            }
            micros[size++] = other.micros[i];
        }
    }

    public int size() {
        return size;
    }

    public Summary summary() {
        long[] sorted = sorted();
        if (sorted.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Summary(sorted.length, sum / sorted.length / 1000.0, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1] / 1000.0, cdf(sorted));
    }

    private long[] sorted() {
        long[] copy = Arrays.copyOf(micros, size);
        Arrays.sort(copy);
        return copy;
    }

    private static double percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }

    /** Points (milliseconds, fraction at or below) for the plot, denser towards the tail. */
    private static List<double[]> cdf(long[] sorted) {
        List<double[]> points = new ArrayList<>();
        double[][] steps = {{0, 0.5, 0.05}, {0.5, 0.9, 0.02}, {0.9, 0.99, 0.005}, {0.99, 0.999, 0.0005}};
        for (double[] step : steps) {
            for (double fraction = step[0]; fraction < step[1] - 1e-9; fraction += step[2]) {
                int index = Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length));
                points.add(new double[] {sorted[index] / 1000.0, fraction});
            }
        }
        points.add(new double[] {sorted[sorted.length - 1] / 1000.0, 1.0});
        return points;
    }

    /**
     * A latency distribution in milliseconds. {@code cdf} is only for the plot.
     */
    public record Summary(long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs,
                          @com.fasterxml.jackson.annotation.JsonIgnore List<double[]> cdf) {
    }
}
