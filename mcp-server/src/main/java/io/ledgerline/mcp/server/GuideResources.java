package io.ledgerline.mcp.server;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The guides an agent may read before it acts, as MCP resources: the API guide (docs/api.md), its
 * problem types (the guide's "Problems" section) and how to use this server (docs/mcp.md). The build
 * copies the files from docs/, so the resources say what the docs say.
 */
public final class GuideResources {

    static final String API = "ledgerline://docs/api";
    static final String PROBLEMS = "ledgerline://docs/problems";
    static final String MCP = "ledgerline://docs/mcp";
    private static final String MARKDOWN = "text/markdown";

    private final String apiGuide = read("api.md");
    private final String mcpGuide = read("mcp.md");

    List<SyncResourceSpecification> specifications() {
        return List.of(
                resource(API, "api-guide", "Ledgerline API guide",
                        "The REST APIs' rules that every tool follows: roles and client isolation, money, ids, "
                                + "versions, idempotency keys, freshness (minVersion), paging and every problem type.",
                        apiGuide),
                resource(PROBLEMS, "problem-types", "Ledgerline problem types",
                        "Every problem type (urn:ledgerline:problem:...) a refused tool call can carry, with its "
                                + "HTTP status and meaning, including the business rules (insufficient-stock, "
                                + "order-state-conflict, ...).",
                        section(apiGuide, "## Problems")),
                resource(MCP, "mcp-guide", "Using Ledgerline through MCP",
                        "How tools map to the REST APIs, which role each tool needs, and how commands are audited.",
                        mcpGuide));
    }

    private static SyncResourceSpecification resource(String uri, String name, String title, String description,
                                                      String text) {
        McpSchema.Resource resource = McpSchema.Resource.builder(uri, name).title(title).description(description)
                .mimeType(MARKDOWN).size((long) text.getBytes(StandardCharsets.UTF_8).length).build();
        return new SyncResourceSpecification(resource, (context, request) -> new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(uri, MARKDOWN, text, null)), null));
    }

    /** From a level-2 heading to the next one (or the end). */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("docs/api.md has no section " + heading);
        }
        int end = markdown.indexOf("\n## ", start + heading.length() + 1);
        return markdown.substring(start + 1, end < 0 ? markdown.length() : end).strip() + "\n";
    }

    private static String read(String file) {
        try (InputStream in = GuideResources.class.getResourceAsStream("/ledgerline-docs/" + file)) {
            if (in == null) {
                throw new IllegalStateException("ledgerline-docs/" + file + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
