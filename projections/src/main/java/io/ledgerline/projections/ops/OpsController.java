package io.ledgerline.projections.ops;

import io.ledgerline.infrastructure.openapi.AllowedRoles;
import io.ledgerline.infrastructure.openapi.ApiProblems;
import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.web.ProblemType;
import io.ledgerline.projections.runtime.DeadLetters;
import io.ledgerline.projections.runtime.ProjectionMonitor;
import io.ledgerline.projections.runtime.ProjectionRuntime;
import io.ledgerline.projections.runtime.ProjectionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/**
 * Operators see and repair the read side here (docs/operations.md): the status of every read
 * model, a rebuild without read downtime, and the events a projection could not handle.
 */
@RestController
@RequestMapping(path = "/ops/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projections", description = "The read models' state, rebuilds and dead letters (docs/operations.md)")
@AllowedRoles(Callers.OPS)
public class OpsController {

    private static final String STATUS = """
            {"model":"orders","state":"RUNNING","live":{"generation":1,"processor":"orders-g1","runningHere":true,\
            "position":5321,"lagEvents":0,"segments":[{"segment":0,"owner":"6998@host#0","position":5321,"caughtUp":true}]},\
            "head":5321,"deadLetters":0}""";
    private static final String LETTER = """
            {"sequence":"LAMP-1","index":0,"eventId":"b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42",\
            "eventType":"io.ledgerline.domain.inventory.StockReceived","aggregateId":"LAMP-1","aggregateSequence":1,\
            "causeType":"org.springframework.dao.DataIntegrityViolationException",\
            "causeMessage":"value too long for type character varying(200)",\
            "enqueuedAt":"2026-11-20T10:15:31.000123Z","lastTouched":"2026-11-20T10:20:00.000456Z"}""";
    private static final String UNKNOWN_MODEL = " Any `model` other than `orders`, `payments`, `inventory` or `sales` gets "
            + "404 `not-found`.";

    private final ProjectionMonitor monitor;
    private final ProjectionRuntime runtime;
    private final DeadLetters deadLetters;

    public OpsController(ProjectionMonitor monitor, ProjectionRuntime runtime, DeadLetters deadLetters) {
        this.monitor = monitor;
        this.runtime = runtime;
        this.deadLetters = deadLetters;
    }

    /** The outcome of retrying every parked sequence once. */
    @Schema(description = "What a retry of every parked sequence did")
    public record RetryAllOutcome(
            @Schema(description = "Sequences whose events were handled this time", example = "2",
                    requiredMode = Schema.RequiredMode.REQUIRED) int sequencesHandled,
            @Schema(description = "Parked events left", example = "0", requiredMode = Schema.RequiredMode.REQUIRED) int remaining) {
    }

    /** The outcome of retrying one parked sequence. */
    @Schema(description = "What a retry of one sequence did")
    public record RetryOutcome(
            @Schema(description = "The sequence", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String sequence,
            @Schema(description = "`true` if its events were handled; `false` if they failed again and stay parked",
                    example = "true", requiredMode = Schema.RequiredMode.REQUIRED) boolean handled) {
    }

    /** The outcome of dropping one parked sequence. */
    @Schema(description = "What an eviction dropped")
    public record EvictOutcome(
            @Schema(description = "The sequence", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String sequence,
            @Schema(description = "How many parked events were dropped for good", example = "2",
                    requiredMode = Schema.RequiredMode.REQUIRED) int evicted) {
    }

    @Operation(operationId = "listProjections", summary = "The status of every read model")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "One status per read model",
            content = @Content(examples = @ExampleObject(name = "running", value = "[" + STATUS + "]")))
    @GetMapping
    public List<ProjectionStatus> all() {
        return monitor.all();
    }

    @Operation(operationId = "getProjection", summary = "The status of one read model",
            description = "Its state, how far the live generation (and a rebuild, while one runs) has got, its segments "
                    + "and its dead letters." + UNKNOWN_MODEL)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The status", content = @Content(examples = @ExampleObject(name = "running",
            value = STATUS)))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping("/{model}")
    public ProjectionStatus one(@Parameter(description = "The read model", example = "orders") @PathVariable String model) {
        return monitor.of(model);
    }

    /** Builds the next generation beside the live one; queries keep the live one until it has caught up. */
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a read model",
            description = "Builds a new generation beside the live one from the whole event stream; queries keep the "
                    + "live one until the new one has caught up, then switch." + UNKNOWN_MODEL)
    @ApiResponse(responseCode = "202", useReturnTypeSchema = true, description = "Started; `Location` is the status to watch",
            content = @Content(examples = @ExampleObject(name = "rebuilding", value = """
                    {"model":"orders","state":"REBUILDING","live":{"generation":1,"processor":"orders-g1","runningHere":true,\
                    "position":5321,"lagEvents":0,"segments":[]},"rebuild":{"generation":2,"processor":"orders-g2",\
                    "runningHere":true,"position":-1,"lagEvents":5322,"progress":0.0,"segments":[]},"head":5321,"deadLetters":0}""")))
    @ApiProblems(value = ProblemType.NOT_FOUND, codes = @ApiProblems.Code(code = "rebuild-in-progress", title = "Conflict",
            meaning = "A rebuild of that read model is already running",
            detail = "Read model orders is already being rebuilt as generation 2"))
    @PostMapping("/{model}/rebuild")
    public ResponseEntity<ProjectionStatus> rebuild(@Parameter(description = "The read model", example = "orders")
                                                    @PathVariable String model) {
        runtime.rebuild(model);
        return ResponseEntity.accepted().location(URI.create("/ops/projections/" + model)).body(monitor.of(model));
    }

    @Operation(operationId = "listDeadLetters", summary = "The events a read model parked",
            description = "The events the live generation could not handle, with the failure; every later event of the "
                    + "same sequence waits behind them." + UNKNOWN_MODEL)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The parked events", content = @Content(examples = @ExampleObject(
            name = "one", value = "[" + LETTER + "]")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping("/{model}/dead-letters")
    public List<DeadLetters.Letter> deadLetters(@Parameter(description = "The read model", example = "inventory")
                                                @PathVariable String model) {
        return deadLetters.list(model);
    }

    @Operation(operationId = "retryAllDeadLetters", summary = "Retry every parked sequence once",
            description = "Each sequence's parked events are handled again, in order." + UNKNOWN_MODEL)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "What the retry did", content = @Content(examples = @ExampleObject(
            name = "cleared", value = """
            {"sequencesHandled":2,"remaining":0}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @PostMapping("/{model}/dead-letters/retry")
    public RetryAllOutcome retryAll(@Parameter(description = "The read model", example = "inventory") @PathVariable String model) {
        int handled = deadLetters.retryAll(model);
        return new RetryAllOutcome(handled, deadLetters.list(model).size());
    }

    @Operation(operationId = "retryDeadLetters", summary = "Retry the parked events of one sequence",
            description = "A sequence with nothing parked gets 404 `not-found`." + UNKNOWN_MODEL)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "What the retry did", content = @Content(examples = @ExampleObject(
            name = "handled", value = """
            {"sequence":"LAMP-1","handled":true}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @PostMapping("/{model}/dead-letters/{sequence}/retry")
    public RetryOutcome retry(@Parameter(description = "The read model", example = "inventory") @PathVariable String model,
                              @Parameter(description = "The sequence: an aggregate id", example = "LAMP-1")
                              @PathVariable String sequence) {
        return new RetryOutcome(sequence, deadLetters.retry(model, sequence));
    }

    @Operation(operationId = "evictDeadLetters", summary = "Drop the parked events of one sequence for good",
            description = "The read model then goes on as if they never happened; rebuild it to apply them after a fix. A "
                    + "sequence with nothing parked gets 404 `not-found`." + UNKNOWN_MODEL)
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "What was dropped", content = @Content(examples = @ExampleObject(
            name = "dropped", value = """
            {"sequence":"LAMP-1","evicted":2}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @DeleteMapping("/{model}/dead-letters/{sequence}")
    public EvictOutcome evict(@Parameter(description = "The read model", example = "inventory") @PathVariable String model,
                              @Parameter(description = "The sequence: an aggregate id", example = "LAMP-1")
                              @PathVariable String sequence) {
        return new EvictOutcome(sequence, deadLetters.evict(model, sequence));
    }
}
