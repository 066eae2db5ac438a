package io.ledgerline.bench.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.bench.load.Http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuild speed: asks the projections' ops API to rebuild a read model and watches it until the
 * new generation is live. The overall rate counts every event in the store over the whole time,
 * switch-over included; a rebuild that takes longer than the time allowed is left running and
 * measured over the part it did. The steady rate is the new generation's progress between the first and
 * the last sample that moved, which leaves start-up and switch-over out.
 */
public final class Rebuild {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rebuild() {
    }

    /**
     * The outcome. When the time allowed ran out first, {@code finished} is false, {@code events} is
     * the position the new generation reached and the rates are over that part of the store.
     * {@code samples} are (seconds since the request, position reached).
     */
    public record Result(String model, boolean finished, long events, int fromGeneration, int toGeneration,
                         double seconds, double eventsPerSecond, double steadyEventsPerSecond, List<double[]> samples) {
    }

    public static Result run(Http http, String projectionsUrl, String model, long events, Duration timeout) {
        String status = projectionsUrl + "/ops/projections/" + model;
        int before = read(http.get(status)).path("live").path("generation").asInt();
        long start = System.nanoTime();
        Http.Response started = http.post(status + "/rebuild", null, null);
        if (started.status() != 202) {
            throw new IllegalStateException("Rebuild of " + model + " refused: " + started.status() + " " + started.body());
        }
        List<double[]> samples = new ArrayList<>();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode now = read(http.get(status));
            double at = (System.nanoTime() - start) / 1e9;
            int live = now.path("live").path("generation").asInt();
            if (live > before) {
                return new Result(model, true, events, before, live, at, events / at, steady(samples), samples);
            }
            JsonNode rebuild = now.path("rebuild");
            if (!rebuild.isMissingNode() && !rebuild.isNull()) {
                samples.add(new double[] {at, rebuild.path("position").asDouble()});
            }
            sleep(250);
        }
        double at = (System.nanoTime() - start) / 1e9;
        long reached = samples.isEmpty() ? 0 : (long) samples.get(samples.size() - 1)[1];
        return new Result(model, false, reached, before, before, at, reached / at, steady(samples), samples);
    }

    private static double steady(List<double[]> samples) {
        double[] first = null;
        double[] last = null;
        for (double[] sample : samples) {
            if (sample[1] > 0 && first == null) {
                first = sample;
            }
            if (first != null && sample[1] > first[1]) {
                last = sample;
            }
        }
        return first == null || last == null ? Double.NaN : (last[1] - first[1]) / (last[0] - first[0]);
    }

    private static JsonNode read(Http.Response response) {
        if (!response.ok()) {
            throw new IllegalStateException("Ops API answered " + response.status() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
