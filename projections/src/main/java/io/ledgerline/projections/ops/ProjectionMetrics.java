package io.ledgerline.projections.ops;

import io.ledgerline.projections.runtime.ProjectionMonitor;
import io.ledgerline.projections.runtime.ProjectionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes each read model's position, lag and dead letters as gauges
 * ({@code ledgerline.projection.*}, tagged with {@code model}), refreshed every few seconds.
 */
@Component
public class ProjectionMetrics {

    private final ProjectionMonitor monitor;
    private final MeterRegistry registry;
    private final Map<String, ProjectionStatus> latest = new ConcurrentHashMap<>();

    public ProjectionMetrics(ProjectionMonitor monitor, MeterRegistry registry) {
        this.monitor = monitor;
        this.registry = registry;
    }

    @Scheduled(fixedDelayString = "${ledgerline.projections.metrics-interval:PT5S}", initialDelayString = "PT5S")
    void refresh() {
        List<ProjectionStatus> statuses = monitor.all();
        for (ProjectionStatus status : statuses) {
            if (latest.put(status.model(), status) == null) {
                register(status.model());
            }
        }
    }

    private void register(String model) {
        Gauge.builder("ledgerline.projection.position", latest, m -> m.get(model).live().position())
                .tag("model", model).description("lowest position all segments of the live generation reached")
                .register(registry);
        Gauge.builder("ledgerline.projection.lag.events", latest, m -> m.get(model).live().lagEvents())
                .tag("model", model).description("positions between the live generation and the head")
                .register(registry);
        Gauge.builder("ledgerline.projection.lag.seconds", latest, m -> {
                    Double lag = m.get(model).live().lagSeconds();
                    return lag == null ? Double.NaN : lag;
                })
                .tag("model", model).description("age of the oldest event the live generation has not processed")
                .register(registry);
        Gauge.builder("ledgerline.projection.dead.letters", latest, m -> m.get(model).deadLetters())
                .tag("model", model).description("events parked because a handler failed on them")
                .register(registry);
    }
}
