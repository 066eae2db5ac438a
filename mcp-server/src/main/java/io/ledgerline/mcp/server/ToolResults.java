package io.ledgerline.mcp.server;

import io.ledgerline.infrastructure.web.ProblemType;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a REST API answered into a tool result. A success carries the API's JSON as structured
 * content (a JSON array as {@code items}); a refusal is an error result ({@code isError}) whose
 * structured content is the API's own problem details, so an agent branches on the same
 * {@code urn:ledgerline:problem:...} types as a REST client. Nothing else reaches the agent: no stack
 * trace, no exception message, no internal address.
 */
public final class ToolResults {

    private final JsonMapper json;

    public ToolResults(JsonMapper json) {
        this.json = json;
    }

    public CallToolResult of(Answer answer) {
        if (answer.successful()) {
            Object body = answer.json() && !answer.body().isBlank() ? parse(answer.body()) : null;
            Map<String, Object> structured = body instanceof Map<?, ?> map ? copy(map)
                    : body == null ? Map.of() : Map.of("items", body);
            return CallToolResult.builder(List.of(TextContent.builder(write(structured)).build()))
                    .structuredContent(structured).isError(false).build();
        }
        Object body = answer.json() ? parse(answer.body()) : null;
        Map<String, Object> problem = body instanceof Map<?, ?> map && map.get("type") != null ? copy(map)
                : problem(ProblemType.forStatus(answer.status()), answer.status(),
                        "The API answered HTTP " + answer.status());
        return error(problem);
    }

    /** The arguments broke the tool's input schema: the same problem type REST answers for a bad value. */
    public CallToolResult invalidArguments(String tool, String reason) {
        Map<String, Object> problem = problem(ProblemType.INVALID_VALUE, 400,
                "The arguments do not fit the input schema of " + tool + ": " + reason);
        return error(problem);
    }

    /** The API behind the tool could not be reached: worth retrying later. */
    public CallToolResult unavailable(Api api) {
        return error(problem(ProblemType.INTERNAL_ERROR, 503,
                "Ledgerline's " + api.description() + " could not be reached; retry in a moment"));
    }

    /** Something failed unexpectedly here; the incident id is logged with the failure. */
    public CallToolResult failed(String incident) {
        Map<String, Object> problem = problem(ProblemType.INTERNAL_ERROR, 500,
                "The tool failed unexpectedly; quote incident " + incident + " to the operators");
        problem.put("incident", incident);
        return error(problem);
    }

    private CallToolResult error(Map<String, Object> problem) {
        String summary = "Refused: " + problem.get("type") + " (HTTP " + problem.get("status") + ")"
                + (problem.get("detail") == null ? "" : ": " + problem.get("detail"));
        return CallToolResult.builder(List.of(TextContent.builder(summary + "\n" + write(problem)).build()))
                .structuredContent(problem).isError(true).build();
    }

    private static Map<String, Object> problem(ProblemType type, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri().toString());
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    private Object parse(String body) {
        try {
            return json.readValue(body, Object.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
