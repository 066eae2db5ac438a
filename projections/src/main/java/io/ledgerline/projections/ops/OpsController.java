package io.ledgerline.projections.ops;

import io.ledgerline.projections.runtime.DeadLetters;
import io.ledgerline.projections.runtime.ProjectionMonitor;
import io.ledgerline.projections.runtime.ProjectionRuntime;
import io.ledgerline.projections.runtime.ProjectionStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Operators see and repair the read side here (docs/operations.md): the status of every read
 * model, a rebuild without read downtime, and the events a projection could not handle.
 */
@RestController
@RequestMapping(path = "/ops/projections", produces = MediaType.APPLICATION_JSON_VALUE)
public class OpsController {

    private final ProjectionMonitor monitor;
    private final ProjectionRuntime runtime;
    private final DeadLetters deadLetters;

    public OpsController(ProjectionMonitor monitor, ProjectionRuntime runtime, DeadLetters deadLetters) {
        this.monitor = monitor;
        this.runtime = runtime;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public List<ProjectionStatus> all() {
        return monitor.all();
    }

    @GetMapping("/{model}")
    public ProjectionStatus one(@PathVariable String model) {
        return monitor.of(model);
    }

    /** Builds the next generation beside the live one; queries keep the live one until it has caught up. */
    @PostMapping("/{model}/rebuild")
    public ResponseEntity<ProjectionStatus> rebuild(@PathVariable String model) {
        runtime.rebuild(model);
        return ResponseEntity.accepted().location(URI.create("/ops/projections/" + model)).body(monitor.of(model));
    }

    @GetMapping("/{model}/dead-letters")
    public List<DeadLetters.Letter> deadLetters(@PathVariable String model) {
        return deadLetters.list(model);
    }

    @PostMapping("/{model}/dead-letters/retry")
    public Map<String, Object> retryAll(@PathVariable String model) {
        int handled = deadLetters.retryAll(model);
        return Map.of("sequencesHandled", handled, "remaining", deadLetters.list(model).size());
    }

    @PostMapping("/{model}/dead-letters/{sequence}/retry")
    public Map<String, Object> retry(@PathVariable String model, @PathVariable String sequence) {
        boolean handled = deadLetters.retry(model, sequence);
        return Map.of("sequence", sequence, "handled", handled);
    }

    @DeleteMapping("/{model}/dead-letters/{sequence}")
    public Map<String, Object> evict(@PathVariable String model, @PathVariable String sequence) {
        return Map.of("sequence", sequence, "evicted", deadLetters.evict(model, sequence));
    }
}
