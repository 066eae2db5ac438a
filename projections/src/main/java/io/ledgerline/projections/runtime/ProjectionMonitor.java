package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.eventstore.StoredTokens;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes the status of every read model from the token store (all instances) and this
 * instance's processors (errors, catch-up), and remembers progress over time to spot a processor
 * that is behind and not moving.
 */
@Component
public class ProjectionMonitor {

    private final ProjectionRuntime runtime;
    private final Generations generations;
    private final JdbcClient jdbc;
    private final ProjectionSettings settings;
    private final Map<String, Progress> lastProgress = new ConcurrentHashMap<>();

    public ProjectionMonitor(ProjectionRuntime runtime, Generations generations, JdbcClient jdbc,
                             ProjectionSettings settings) {
        this.runtime = runtime;
        this.generations = generations;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public List<ProjectionStatus> all() {
        long head = runtime.headPosition();
        return generations.all().stream()
                .filter(row -> runtime.modelNames().contains(row.model()))
                .map(row -> status(row, head))
                .toList();
    }

    public ProjectionStatus of(String model) {
        runtime.model(model);
        long head = runtime.headPosition();
        return generations.of(model).map(row -> status(row, head)).orElseThrow();
    }

    private ProjectionStatus status(Generation row, long head) {
        ReadModel model = runtime.model(row.model());
        ProjectionStatus.GenerationStatus live = generation(model, row.active(), head, null, null);
        ProjectionStatus.GenerationStatus rebuild = row.building() == null ? null
                : generation(model, row.building(), head, row.buildingStartedAt(), row.buildingTarget());
        String state = state(model, live, rebuild);
        long deadLetters = jdbc.sql("SELECT count(*) FROM read.dead_letter_entry WHERE processing_group = ?")
                .param(model.processorName(row.active())).query(Long.class).single();
        return new ProjectionStatus(model.name(), state, live, rebuild, head, deadLetters);
    }

    private String state(ReadModel model, ProjectionStatus.GenerationStatus live, ProjectionStatus.GenerationStatus rebuild) {
        Optional<RunningProjection> here = runtime.running(model.name(), live.generation());
        if (here.isPresent() && here.get().processor().isError() || live.lastError() != null) {
            return "ERROR";
        }
        if (here.isPresent() && !here.get().processor().isRunning()) {
            return "STOPPED";
        }
        if (stuck(live)) {
            return "STUCK";
        }
        if (rebuild != null) {
            return "REBUILDING";
        }
        return live.lagEvents() > 0 ? "CATCHING_UP" : "RUNNING";
    }

    /** Behind the head and no progress for {@code stuck-after}: something is wrong even without an error. */
    boolean stuck(ProjectionStatus.GenerationStatus status) {
        Instant now = Instant.now();
        Progress previous = lastProgress.compute(status.processor(), (name, last) ->
                last == null || last.position() != status.position() ? new Progress(status.position(), now) : last);
        return status.lagEvents() > 0 && Duration.between(previous.since(), now).compareTo(settings.stuckAfter()) > 0;
    }

    private ProjectionStatus.GenerationStatus generation(ReadModel model, int generation, long head, Instant startedAt,
                                                         Long target) {
        String processor = model.processorName(generation);
        Optional<RunningProjection> here = runtime.running(model.name(), generation);
        Map<Integer, EventTrackerStatus> local = here.map(p -> p.processor().processingStatus()).orElse(Map.of());
        List<ProjectionStatus.SegmentStatus> segments = new ArrayList<>();
        String lastError = null;
        for (Generations.SegmentToken token : generations.tokens(processor)) {
            EventTrackerStatus status = local.get(token.segment());
            String error = status != null && status.isErrorState() && status.getError() != null
                    ? status.getError().getClass().getSimpleName() + ": " + status.getError().getMessage() : null;
            lastError = error != null ? error : lastError;
            segments.add(new ProjectionStatus.SegmentStatus(token.segment(), token.owner(),
                    StoredTokens.reached(StoredTokens.parse(token.token())), status != null && status.isCaughtUp(), error));
        }
        long position = segments.isEmpty() ? -1 : segments.stream().mapToLong(ProjectionStatus.SegmentStatus::position).min().orElse(-1);
        long lagEvents = Math.max(0, head - Math.max(position, 0));
        Double lagSeconds = lagEvents == 0 ? Double.valueOf(0) : oldestUnprocessedAge(position);
        Double progress = null;
        Long eta = null;
        if (target != null && target > 0) {
            progress = Math.min(100.0, 100.0 * Math.max(position, 0) / target);
            long elapsed = Duration.between(startedAt, Instant.now()).toSeconds();
            eta = position > 0 ? Math.max(0, (long) (elapsed * (double) (target - position) / position)) : null;
        }
        return new ProjectionStatus.GenerationStatus(generation, processor,
                here.isPresent() || runtime.buildingInBulk(model.name(), generation), position, lagEvents,
                lagSeconds, progress, eta, segments, lastError);
    }

    private Double oldestUnprocessedAge(long position) {
        try {
            return oldestUnprocessed(position);
        } catch (DataAccessException e) {
            return null; // the event table is not readable here (Axon Server mode): the age is unknown
        }
    }

    private Double oldestUnprocessed(long position) {
        return jdbc.sql("""
                        SELECT time_stamp FROM events.domain_event_entry WHERE global_index > ?
                        ORDER BY global_index LIMIT 1""")
                .param(position)
                .query(String.class)
                .optional()
                .map(stamp -> Duration.between(Instant.parse(stamp), Instant.now()).toMillis() / 1000.0)
                .orElse(null);
    }

    private record Progress(long position, Instant since) {
    }
}
