package io.ledgerline.mcp.audit;

import io.ledgerline.mcp.server.Answer;
import io.ledgerline.mcp.server.Api;
import io.ledgerline.mcp.server.Caller;
import io.ledgerline.mcp.server.LedgerlineApis;
import io.ledgerline.mcp.server.LedgerlineTool;
import io.ledgerline.mcp.server.LedgerlineTool.Effect;
import io.ledgerline.mcp.server.ToolSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ledgerline.mcp.server.LedgerlineApis.segment;

/** Audit: an aggregate's event history, its state as of a time or version, and the hash-chain check. */
@Component
public class AuditTools implements ToolSet {

    /** How many broken aggregates a whole-store check reports; the REST export has them all. */
    static final int REPORTED_FAILURES = 20;

    private static final String AGGREGATE_ID = """
            "aggregateId": {"type": "string", "minLength": 1, "maxLength": 64,
              "description": "The aggregate: an order or payment id (UUID) or a SKU"}""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public List<LedgerlineTool> tools(LedgerlineApis apis) {
        return List.of(history(apis), state(apis), verify(apis));
    }

    private LedgerlineTool history(LedgerlineApis apis) {
        return new LedgerlineTool("aggregate_history", "An aggregate's event history",
                "Every event of one aggregate, oldest first: type, sequence, timestamp, payload and metadata "
                        + "(principal, correlationId, channel \"mcp\" for commands sent through this server, hash "
                        + "chain). Needs role auditor. An id without events answers not-found.",
                """
                {"type": "object", "additionalProperties": false, "required": ["aggregateId"], "properties": {%s}}
                """.formatted(AGGREGATE_ID),
                Effect.READ,
                (caller, args) -> apis.get(caller, Api.QUERIES, "/api/audit/streams/" + segment(args.text("aggregateId")),
                        Map.of()));
    }

    private LedgerlineTool state(LedgerlineApis apis) {
        return new LedgerlineTool("aggregate_state", "An aggregate's state as of a time",
                "The aggregate rebuilt from its events up to an instant or date (at) or up to a version "
                        + "(inclusive); with neither, its current state. Answers aggregateType, version, asOf and "
                        + "state. Needs role auditor. Give at most one of at and version (both: invalid-value); an "
                        + "at before the first event answers not-found.",
                """
                {"type": "object", "additionalProperties": false, "required": ["aggregateId"],
                 "properties": {%s,
                   "at": {"type": "string", "description": "An ISO-8601 instant (2026-11-20T10:15:30Z) or a date (2026-11-20)"},
                   "version": {"type": "integer", "minimum": 0, "description": "The last event's sequence number to apply"}}}
                """.formatted(AGGREGATE_ID),
                Effect.READ,
                (caller, args) -> apis.get(caller, Api.QUERIES,
                        "/api/audit/streams/" + segment(args.text("aggregateId")) + "/state", args.only("at", "version")));
    }

    private LedgerlineTool verify(LedgerlineApis apis) {
        return new LedgerlineTool("verify_integrity", "Verify the event store's integrity",
                "Checks the hash chains that make tampering with stored events visible. With aggregateId, that "
                        + "aggregate's chain: eventsChecked, valid, firstFailure. Without, every aggregate's chain: "
                        + "summary (eventsChecked, aggregates, failures, valid) and the first "
                        + REPORTED_FAILURES + " failures. Needs role auditor.",
                """
                {"type": "object", "additionalProperties": false, "properties": {%s}}
                """.formatted(AGGREGATE_ID),
                Effect.READ,
                (caller, args) -> args.text("aggregateId") == null ? verifyAll(apis, caller)
                        : apis.get(caller, Api.QUERIES, "/api/audit/streams/" + segment(args.text("aggregateId"))
                                + "/verify", Map.of()));
    }

    /** The whole-store check answers NDJSON (progress, failures, summary); a tool answers one document. */
    private Answer verifyAll(LedgerlineApis apis, Caller caller) throws LedgerlineApis.ApiUnavailable {
        Answer answer = apis.get(caller, Api.QUERIES, "/api/audit/verify", Map.of(), "application/x-ndjson");
        if (!answer.successful()) {
            return answer;
        }
        List<JsonNode> failures = new ArrayList<>();
        JsonNode summary = null;
        for (String line : answer.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            if (node.has("failure") && failures.size() < REPORTED_FAILURES) {
                failures.add(node.get("failure"));
            } else if (node.has("summary")) {
                summary = node.get("summary");
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("summary", summary);
        result.put("failures", failures);
        return new Answer(answer.status(), "application/json", json.writeValueAsString(result));
    }
}
