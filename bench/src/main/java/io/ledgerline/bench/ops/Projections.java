package io.ledgerline.bench.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.bench.load.Http;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the read models are behind the event store, from the projections' ops API. Phases
 * start with the read models they look at caught up, so one phase's backlog does not burden the next.
 */
public final class Projections {

    /** The read models the end-to-end phase reads from. */
    public static final List<String> QUERIED = List.of("orders", "payments", "inventory");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Projections() {
    }

    /** The backlog found, and how long it took to work it off (0 if there was none). */
    public record CatchUp(Map<String, Long> backlogEvents, double seconds, boolean caughtUp) {
    }

    /** Each live read model's lag, in events, right now. */
    public static Map<String, Long> lags(Http http, String projectionsUrl) {
        Http.Response response = http.get(projectionsUrl + "/ops/projections");
        if (!response.ok()) {
            throw new IllegalStateException("Ops API answered " + response.status() + ": " + response.body());
        }
        try {
            Map<String, Long> lags = new TreeMap<>();
            for (JsonNode model : JSON.readTree(response.body())) {
                lags.put(model.path("model").asText(), model.path("live").path("lagEvents").asLong());
            }
            return lags;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until none of {@code models} is behind, at most {@code timeout}. */
    public static CatchUp awaitCaughtUp(Http http, String projectionsUrl, List<String> models, Duration timeout) {
        long start = System.nanoTime();
        Map<String, Long> backlog = lags(http, projectionsUrl);
        long behind = behind(backlog, models);
        boolean waited = behind > 0;
        while (behind > 0 && System.nanoTime() - start < timeout.toNanos()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            behind = behind(lags(http, projectionsUrl), models);
        }
        return new CatchUp(backlog, waited ? (System.nanoTime() - start) / 1e9 : 0, behind <= 0);
    }

    private static long behind(Map<String, Long> lags, List<String> models) {
        return models.stream().mapToLong(model -> lags.getOrDefault(model, 0L)).max().orElse(0);
    }
}
