package io.ledgerline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.query.web.Filters;
import io.ledgerline.query.web.NotFoundException;
import io.ledgerline.query.web.Paging;
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
    @GetMapping(path = "/streams/{aggregateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> history(@PathVariable String aggregateId) {
        List<StoredEvent> events = existing(aggregateId, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aggregateId", aggregateId);
        body.put("aggregateType", events.get(0).aggregateType());
        body.put("events", decoder.views(events));
        return body;
    }

    /** The aggregate as it stood at a version or a time (or now), rebuilt from its events. */
    @GetMapping(path = "/streams/{aggregateId}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> state(@PathVariable String aggregateId,
                                     @RequestParam(required = false) Long version,
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aggregateId", aggregateId);
        body.put("aggregateType", last.aggregateType());
        body.put("version", last.sequence());
        body.put("asOf", last.timestamp());
        body.put("state", EventDecoder.plain(timeTravel.replay(last.aggregateType(), messages)));
        return body;
    }

    /** Re-walks one aggregate's hash chain and reports the first event that no longer matches. */
    @GetMapping(path = "/streams/{aggregateId}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> verify(@PathVariable String aggregateId) {
        ChainVerifier verifier = new ChainVerifier();
        existing(aggregateId, null).forEach(verifier::check);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aggregateId", aggregateId);
        body.put("eventsChecked", verifier.checked());
        body.put("valid", verifier.failure() == null);
        if (verifier.failure() != null) {
            body.put("firstFailure", verifier.failure());
        }
        return body;
    }

    /** The global stream after a position, filtered; {@code next} is the position to continue after. */
    @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> events(@RequestParam(required = false) Long after,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) String aggregateType,
                                      @RequestParam(required = false) String correlationId) {
        int size = paging.request(limit).limit();
        Instant fromTime = Filters.instant(from, "from");
        Instant toTime = Filters.instant(to, "to");
        String eventType = Filters.text(type, "type");
        AuditEvents.Filter filter = new AuditEvents.Filter(fromTime, toTime, eventType,
                Filters.text(aggregateType, "aggregateType"), Filters.text(correlationId, "correlationId"));
        List<StoredEvent> page = store.page(filter, after == null ? -1 : after, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", decoder.views(page));
        if (page.size() == size) {
            body.put("next", page.get(page.size() - 1).position());
        }
        return body;
    }

    /** Everything one client request caused, across aggregates, in the order it happened. */
    @GetMapping(path = "/correlations/{correlationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> correlation(@PathVariable String correlationId) {
        List<StoredEvent> events = store.byCorrelation(correlationId);
        if (events.isEmpty()) {
            throw new NotFoundException("events for correlation", correlationId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("correlationId", correlationId);
        body.put("events", decoder.views(events));
        return body;
    }

    /**
     * A range of the global stream as NDJSON, one event per line, streamed in constant memory, then
     * a summary line with the count, the first and last position, and the SHA-256 of all event lines.
     */
    @GetMapping(path = "/export", produces = NDJSON)
    @Transactional(readOnly = true)
    public void export(@RequestParam(required = false) Long fromPosition, @RequestParam(required = false) Long toPosition,
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
            Map<String, Object> failure = verifier.check(event);
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
