package io.ledgerline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.query.web.Filters;
import io.ledgerline.query.web.NotFoundException;
import io.ledgerline.query.web.Paging;
import io.ledgerline.infrastructure.openapi.AllowedRoles;
import io.ledgerline.infrastructure.openapi.ApiContract;
import io.ledgerline.infrastructure.openapi.ApiProblems;
import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.web.ProblemType;
import io.ledgerline.query.audit.AuditViews.AggregateState;
import io.ledgerline.query.audit.AuditViews.ChainCheck;
import io.ledgerline.query.audit.AuditViews.Correlation;
import io.ledgerline.query.audit.AuditViews.EventPage;
import io.ledgerline.query.audit.AuditViews.StreamHistory;
import io.ledgerline.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only access to the event store for auditors: what happened (per aggregate, globally, per
 * client request), what an aggregate looked like at a time, a verifiable export, and whether
 * anything was changed since it was written. See docs/auditing.md.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Read-only access to the event store: histories, time travel, hash chains, exports "
        + "(docs/auditing.md)")
@AllowedRoles(Callers.AUDITOR)
public class AuditController {

    static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int PROGRESS_EVERY = 10_000;

    private final AuditEvents store;
    private final EventDecoder decoder;
    private final TimeTravel timeTravel;
    private final Paging paging;

    public AuditController(AuditEvents store, EventDecoder decoder, TimeTravel timeTravel, Paging paging) {
        this.store = store;
        this.decoder = decoder;
        this.timeTravel = timeTravel;
        this.paging = paging;
    }

    /** One aggregate's history, oldest first. */
    @Operation(operationId = "streamHistory", summary = "One aggregate's events",
            description = "Every event of the aggregate, oldest first, with payload and metadata. An id without events "
                    + "gets 404 `not-found`.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The history", content = @Content(examples = @ExampleObject(name = "lamp",
            value = """
                    {"aggregateId":"LAMP-1","aggregateType":"InventoryItem","events":[{"position":5321,"aggregateId":"LAMP-1","aggregateType":"InventoryItem","sequence":1,"eventId":"b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42","type":"StockReceived","payloadType":"io.ledgerline.domain.inventory.StockReceived","timestamp":"2026-11-20T10:15:30.345678Z","payload":{"sku":"LAMP-1","quantity":10},"metadata":{"subject":"merchant","correlationId":"4bf92f3577b34da6a3ce929d0e0e4736"}}]}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping(path = "/streams/{aggregateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public StreamHistory history(@Parameter(description = "The aggregate id: a SKU, an order id or a payment id", example = "LAMP-1") @PathVariable String aggregateId) {
        List<StoredEvent> events = existing(aggregateId, null);
        return new StreamHistory(aggregateId, events.get(0).aggregateType(), decoder.views(events));
    }

    /** The aggregate as it stood at a version or a time (or now), rebuilt from its events. */
    @Operation(operationId = "streamState", summary = "An aggregate as it stood at a version or a time",
            description = "Rebuilds the aggregate from its events up to `version` (inclusive) or up to the instant or "
                    + "date `at`; without either, its current state. Both, or a negative version, get 400 "
                    + "`invalid-value`; an id without events, or an `at` before the first event, gets 404 `not-found`.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The rebuilt state", content = @Content(examples = @ExampleObject(
            name = "lamp", value = """
            {"aggregateId":"LAMP-1","aggregateType":"InventoryItem","version":1,"asOf":"2026-11-20T10:15:30.345678Z",\
            "state":{"sku":"LAMP-1","name":"Desk lamp","onHand":10,"reserved":0}}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping(path = "/streams/{aggregateId}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    public AggregateState state(@Parameter(description = "The aggregate id: a SKU, an order id or a payment id", example = "LAMP-1") @PathVariable String aggregateId,
                                @Parameter(description = "Rebuild up to this sequence, inclusive; 0 or more", example = "1",
                                        schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                @RequestParam(required = false) Long version,
                                @Parameter(description = "Rebuild up to this instant, or the start of this UTC date",
                                        example = "2026-11-20T12:00:00Z")
                                @RequestParam(required = false) String at) {
        if (version != null && at != null) {
            throw new InvalidValueException("at", "give either version or at, not both");
        }
        if (version != null && version < 0) {
            throw new InvalidValueException("version", "version must not be negative");
        }
        Instant asOf = Filters.instant(at, "at");
        List<StoredEvent> events = existing(aggregateId, version);
        if (asOf != null) {
            events = events.stream().filter(e -> !DateTimeUtils.parseInstant(e.timestamp()).isAfter(asOf)).toList();
            if (events.isEmpty()) {
                throw new NotFoundException("aggregate as of " + asOf + ",", aggregateId);
            }
        }
        List<? extends DomainEventMessage<?>> messages = decoder.messages(events);
        StoredEvent last = events.get(events.size() - 1);
        return new AggregateState(aggregateId, last.aggregateType(), last.sequence(), last.timestamp(),
                EventDecoder.plain(timeTravel.replay(last.aggregateType(), messages)));
    }

    /** Re-walks one aggregate's hash chain and reports the first event that no longer matches. */
    @Operation(operationId = "verifyStream", summary = "Check one aggregate's hash chain",
            description = "Re-walks the aggregate's events: each must hash to its stored hash and name its "
                    + "predecessor's. Answers the first that does not. An id without events gets 404 `not-found`.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The check", content = @Content(examples = {
            @ExampleObject(name = "valid", value = """
                    {"aggregateId":"LAMP-1","eventsChecked":3,"valid":true}"""),
            @ExampleObject(name = "tampered", value = """
                    {"aggregateId":"LAMP-1","eventsChecked":3,"valid":false,"firstFailure":{"aggregateId":"LAMP-1",\
                    "sequence":1,"position":5321,"eventId":"b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42",\
                    "problem":"content-changed: the stored content does not match its hash"}}""")}))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping(path = "/streams/{aggregateId}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public ChainCheck verify(@Parameter(description = "The aggregate id: a SKU, an order id or a payment id", example = "LAMP-1") @PathVariable String aggregateId) {
        ChainVerifier verifier = new ChainVerifier();
        existing(aggregateId, null).forEach(verifier::check);
        return new ChainCheck(aggregateId, verifier.checked(), verifier.failure() == null, verifier.failure());
    }

    /** The global stream after a position, filtered; {@code next} is the position to continue after. */
    @Operation(operationId = "listEvents", summary = "The global event stream",
            description = "Events after a position, in position order, filtered; pass `next` as `after` for the next page.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "A page of events", content = @Content(examples = @ExampleObject(
            name = "page", value = """
            {"items":[{"position":5321,"aggregateId":"LAMP-1","aggregateType":"InventoryItem","sequence":1,"eventId":"b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42","type":"StockReceived","payloadType":"io.ledgerline.domain.inventory.StockReceived","timestamp":"2026-11-20T10:15:30.345678Z","payload":{"sku":"LAMP-1","quantity":10},"metadata":{"subject":"merchant","correlationId":"4bf92f3577b34da6a3ce929d0e0e4736"}}],"next":5321}""")))
    @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public EventPage events(@Parameter(description = "Only events after this position (default: from the first event)", example = "5000",
                                    schema = @Schema(type = "integer", format = "int64", minimum = "0")) @RequestParam(required = false) Long after,
                            @Parameter(description = "Events per page, 1 to 200 (default 50)", example = "100",
                                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "200")) @RequestParam(required = false) Integer limit,
                            @Parameter(description = QueryParameters.FROM_INSTANT, example = "2026-11-20")
                            @RequestParam(required = false) String from,
                            @Parameter(description = QueryParameters.TO_INSTANT, example = "2026-11-21")
                            @RequestParam(required = false) String to,
                            @Parameter(description = "The short or the full event type", example = "StockReceived")
                            @RequestParam(required = false) String type,
                            @Parameter(description = "The aggregate type", example = "InventoryItem")
                            @RequestParam(required = false) String aggregateType,
                            @Parameter(description = "Only the events of one request", example = "4bf92f3577b34da6a3ce929d0e0e4736")
                            @RequestParam(required = false) String correlationId) {
        int size = paging.request(limit).limit();
        Instant fromTime = Filters.instant(from, "from");
        Instant toTime = Filters.instant(to, "to");
        String eventType = Filters.text(type, "type");
        AuditEvents.Filter filter = new AuditEvents.Filter(fromTime, toTime, eventType,
                Filters.text(aggregateType, "aggregateType"), Filters.text(correlationId, "correlationId"));
        List<StoredEvent> page = store.page(filter, after == null ? -1 : after, size);
        return new EventPage(decoder.views(page), page.size() == size ? page.get(page.size() - 1).position() : null);
    }

    /** Everything one client request caused, across aggregates, in the order it happened. */
    @Operation(operationId = "correlation", summary = "Everything one request caused",
            description = "Every event whose `correlationId` is the request's `X-Request-Id`, across aggregates, in the "
                    + "order stored. An id without events gets 404 `not-found`.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The events", content = @Content(examples = @ExampleObject(
            name = "receipt", value = """
            {"correlationId":"4bf92f3577b34da6a3ce929d0e0e4736","events":[{"position":5321,"aggregateId":"LAMP-1","aggregateType":"InventoryItem","sequence":1,"eventId":"b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42","type":"StockReceived","payloadType":"io.ledgerline.domain.inventory.StockReceived","timestamp":"2026-11-20T10:15:30.345678Z","payload":{"sku":"LAMP-1","quantity":10},"metadata":{"subject":"merchant","correlationId":"4bf92f3577b34da6a3ce929d0e0e4736"}}]}""")))
    @ApiProblems(ProblemType.NOT_FOUND)
    @GetMapping(path = "/correlations/{correlationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Correlation correlation(@Parameter(description = "The correlation id", example = "4bf92f3577b34da6a3ce929d0e0e4736")
                                   @PathVariable String correlationId) {
        List<StoredEvent> events = store.byCorrelation(correlationId);
        if (events.isEmpty()) {
            throw new NotFoundException("events for correlation", correlationId);
        }
        return new Correlation(correlationId, decoder.views(events));
    }

    /**
     * A range of the global stream as NDJSON, one event per line, streamed in constant memory, then
     * a summary line with the count, the first and last position, and the SHA-256 of all event lines.
     */
    @Operation(operationId = "exportEvents", summary = "Export a range of the event stream",
            description = "NDJSON, one event per line, from `fromPosition` to `toPosition` (both optional and "
                    + "inclusive), streamed; then a `summary` line with `count`, `firstPosition`, `lastPosition` and the "
                    + "`sha256` of all event lines. A `toPosition` before `fromPosition` gets 400 `invalid-value`.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The events and the summary",
            headers = @Header(name = ApiContract.CONTENT_DISPOSITION, ref = "#/components/headers/" + ApiContract.CONTENT_DISPOSITION),
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"), examples = @ExampleObject(name = "export", value = """
                    {"position":5321,"aggregateId":"LAMP-1","aggregateType":"InventoryItem","sequence":1,"eventId":"b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42","type":"StockReceived","payloadType":"io.ledgerline.domain.inventory.StockReceived","timestamp":"2026-11-20T10:15:30.345678Z","payload":{"sku":"LAMP-1","quantity":10},"metadata":{"subject":"merchant","correlationId":"4bf92f3577b34da6a3ce929d0e0e4736"}}
                    {"summary":{"count":1,"firstPosition":5321,"lastPosition":5321,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}
                    """)))
    @GetMapping(path = "/export", produces = NDJSON)
    @Transactional(readOnly = true)
    public void export(@Parameter(description = "The first position, inclusive (default 0)", example = "1",
                               schema = @Schema(type = "integer", format = "int64", minimum = "0")) @RequestParam(required = false) Long fromPosition,
                       @Parameter(description = "The last position, inclusive (default: the newest event)", example = "100000",
                               schema = @Schema(type = "integer", format = "int64", minimum = "0")) @RequestParam(required = false) Long toPosition,
                       HttpServletResponse response) throws IOException {
        long from = fromPosition == null ? 0 : fromPosition;
        long to = toPosition == null ? Long.MAX_VALUE : toPosition;
        if (from < 0 || to < from) {
            throw new InvalidValueException("toPosition", "positions must satisfy 0 <= fromPosition <= toPosition");
        }
        response.setContentType(NDJSON);
        response.setHeader("Content-Disposition", "attachment; filename=\"events-" + from + ".ndjson\"");
        OutputStream out = response.getOutputStream();
        MessageDigest digest = sha256();
        long[] count = {0};
        Long[] bounds = {null, null};
        store.range(from, to, events -> events.flatMap(decoder::views).forEach(view -> {
            byte[] line = line(view);
            digest.update(line);
            write(out, line);
            count[0]++;
            bounds[0] = bounds[0] == null ? view.position() : bounds[0];
            bounds[1] = view.position();
        }));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count[0]);
        summary.put("firstPosition", bounds[0]);
        summary.put("lastPosition", bounds[1]);
        summary.put("sha256", HexFormat.of().formatHex(digest.digest()));
        write(out, line(Map.of("summary", summary)));
    }

    /** Verifies every aggregate's chain, streaming progress and failures as NDJSON, then a summary. */
    @Operation(operationId = "verifyAll", summary = "Check every aggregate's hash chain",
            description = "NDJSON, streamed: a `progress` line every 10,000 events, a `failure` line per broken "
                    + "aggregate, then a `summary` with `eventsChecked`, `aggregates`, `failures` and `valid`.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Progress, failures and the summary",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"), examples = @ExampleObject(name = "clean", value = """
                    {"progress":{"eventsChecked":10000}}
                    {"summary":{"eventsChecked":12840,"aggregates":2210,"failures":0,"valid":true}}
                    """)))
    @GetMapping(path = "/verify", produces = NDJSON)
    @Transactional(readOnly = true)
    public void verifyAll(HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON);
        OutputStream out = response.getOutputStream();
        ChainVerifier verifier = new ChainVerifier();
        long[] aggregates = {0};
        long[] failures = {0};
        String[] current = {null};
        store.everyStream(events -> events.forEach(event -> {
            if (!event.aggregateId().equals(current[0])) {
                current[0] = event.aggregateId();
                aggregates[0]++;
            }
            AuditViews.ChainFailure failure = verifier.check(event);
            if (failure != null) {
                failures[0]++;
                write(out, line(Map.of("failure", failure)));
            }
            if (verifier.checked() % PROGRESS_EVERY == 0) {
                write(out, line(Map.of("progress", Map.of("eventsChecked", verifier.checked()))));
            }
        }));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("eventsChecked", verifier.checked());
        summary.put("aggregates", aggregates[0]);
        summary.put("failures", failures[0]);
        summary.put("valid", failures[0] == 0);
        write(out, line(Map.of("summary", summary)));
    }

    private List<StoredEvent> existing(String aggregateId, Long upToSequence) {
        List<StoredEvent> events = store.stream(aggregateId, upToSequence);
        if (events.isEmpty()) {
            throw new NotFoundException("event stream", aggregateId);
        }
        return events;
    }

    private static byte[] line(Object value) {
        try {
            return (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream out, byte[] line) {
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
