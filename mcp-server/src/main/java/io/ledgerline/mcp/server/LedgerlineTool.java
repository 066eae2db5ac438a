package io.ledgerline.mcp.server;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * One tool: its name, the description a model reads to choose it, its input schema (JSON Schema
 * text, closed to unknown arguments), hints about its effects, and how it forwards a call.
 */
public record LedgerlineTool(String name, String title, String description, String inputSchema, Effect effect,
                             Handler handler) {

    /** What calling the tool does, for the tool's MCP annotations. */
    public enum Effect {
        /** Reads only. */
        READ,
        /** Changes state; repeating it with the same idempotency key changes nothing more. */
        WRITE_IDEMPOTENT,
        /** Changes state and cannot be undone by the agent. */
        WRITE_DESTRUCTIVE
    }

    /** Forwards one call, with arguments that passed the schema. */
    @FunctionalInterface
    public interface Handler {
        Answer call(Caller caller, Arguments arguments) throws LedgerlineApis.ApiUnavailable;
    }

    McpSchema.ToolAnnotations annotations() {
        return McpSchema.ToolAnnotations.builder()
                .title(title)
                .readOnlyHint(effect == Effect.READ)
                .destructiveHint(effect == Effect.WRITE_DESTRUCTIVE)
                .idempotentHint(effect != Effect.WRITE_DESTRUCTIVE)
                .openWorldHint(false)
                .build();
    }
}
