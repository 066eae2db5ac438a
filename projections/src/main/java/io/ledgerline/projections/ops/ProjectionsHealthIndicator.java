package io.ledgerline.projections.ops;

import io.ledgerline.projections.runtime.ProjectionMonitor;
import io.ledgerline.projections.runtime.ProjectionStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Readiness of the read side: DOWN while any read model's live processor is stopped, in error, or
 * stuck (behind the head and not moving). Part of the readiness group, not of liveness: a restart
 * rarely cures a poison event or a database outage.
 */
@Component("projections")
public class ProjectionsHealthIndicator implements HealthIndicator {

    private static final Set<String> UNHEALTHY = Set.of("STOPPED", "ERROR", "STUCK");

    private final ProjectionMonitor monitor;

    public ProjectionsHealthIndicator(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        List<ProjectionStatus> statuses;
        try {
            statuses = monitor.all();
        } catch (RuntimeException unreachable) {
            // The event store or the read schema cannot be read: not ready, and say why.
            return Health.down(unreachable).build();
        }
        Map<String, Object> details = statuses.stream().collect(Collectors.toMap(ProjectionStatus::model,
                status -> Map.of("state", status.state(), "lagEvents", status.live().lagEvents(),
                        "deadLetters", status.deadLetters())));
        boolean healthy = statuses.stream().noneMatch(status -> UNHEALTHY.contains(status.state()));
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
