package io.ledgerline.mcp.server;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Who is calling a tool: the {@code Authorization} header of the MCP request (already verified by the
 * security filter) and its request id. The header is forwarded unchanged, so the REST API decides
 * exactly as if the agent had called it itself.
 */
public record Caller(String authorization, String requestId) {

    static final String AUTHORIZATION = "authorization";
    static final String REQUEST_ID = "requestId";

    static Caller of(McpTransportContext context) {
        return new Caller((String) context.get(AUTHORIZATION), (String) context.get(REQUEST_ID));
    }
}
