package io.ledgerline.mcp.server;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SDK's JSON mapper, except for the transport's own errors. For a message it cannot read (not
 * JSON, the wrong {@code Accept}) or a failure outside any tool, the servlet transport writes the
 * {@link McpError} exception itself as the body, stack trace and all. This writes a JSON-RPC error
 * response instead, with only the code and the SDK's fixed message, and no detail of an internal error.
 */
final class TransportErrors implements McpJsonMapper {

    private final McpJsonMapper delegate;

    TransportErrors(McpJsonMapper delegate) {
        this.delegate = delegate;
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return delegate.writeValueAsString(value instanceof McpError error ? response(error) : value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return delegate.writeValueAsBytes(value instanceof McpError error ? response(error) : value);
    }

    private static Map<String, Object> response(McpError error) {
        McpSchema.JSONRPCResponse.JSONRPCError rpc = error.getJsonRpcError();
        int code = rpc == null ? McpSchema.ErrorCodes.INTERNAL_ERROR : rpc.code();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", code);
        details.put("message", code == McpSchema.ErrorCodes.INTERNAL_ERROR || rpc == null ? "Internal error" : rpc.message());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        response.put("id", null);
        response.put("error", details);
        return response;
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object fromValue, Class<T> type) {
        return delegate.convertValue(fromValue, type);
    }

    @Override
    public <T> T convertValue(Object fromValue, TypeRef<T> type) {
        return delegate.convertValue(fromValue, type);
    }
}
