package io.ledgerline.mcp.server;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Runs one tool call: checks the arguments against the tool's schema (a clear {@code invalid-value}
 * error result otherwise), forwards the call, and turns every failure into an error result. An
 * unexpected exception is logged with an incident id, and the agent gets only that id.
 */
final class ToolCalls {

    private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);
    private static final String SCHEMA_ERRORS_PREFIX = "Validation failed: JSON schema validation errors: ";

    private final ToolResults results;
    private final JsonSchemaValidator validator;

    ToolCalls(ToolResults results, JsonSchemaValidator validator) {
        this.results = results;
        this.validator = validator;
    }

    SyncToolSpecification specification(LedgerlineTool tool, McpJsonMapper json) {
        McpSchema.Tool definition = McpSchema.Tool.builder(tool.name(), json, tool.inputSchema())
                .title(tool.title())
                .description(tool.description())
                .annotations(tool.annotations())
                .build();
        return new SyncToolSpecification(definition,
                (context, request) -> call(tool, definition.inputSchema(), Caller.of(context), request.arguments()));
    }

    private CallToolResult call(LedgerlineTool tool, Map<String, Object> schema, Caller caller,
                                Map<String, Object> arguments) {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        try {
            JsonSchemaValidator.ValidationResponse validation = validator.validate(schema, given);
            if (!validation.valid()) {
                return results.invalidArguments(tool.name(), reason(validation.errorMessage()));
            }
            return results.of(tool.handler().call(caller, new Arguments(given)));
        } catch (LedgerlineApis.ApiUnavailable e) {
            log.warn("Tool {}: {}", tool.name(), e.getMessage(), e);
            return results.unavailable(e.api());
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            log.error("Tool {} failed, incident {}", tool.name(), incident, e);
            return results.failed(incident);
        }
    }

    private static String reason(String message) {
        if (message == null) {
            return "they are not valid";
        }
        return message.startsWith(SCHEMA_ERRORS_PREFIX) ? message.substring(SCHEMA_ERRORS_PREFIX.length()) : message;
    }
}
