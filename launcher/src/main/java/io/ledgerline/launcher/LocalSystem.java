package io.ledgerline.launcher;

import io.ledgerline.command.CommandSideApplication;
import io.ledgerline.mcp.McpServerApplication;
import io.ledgerline.projections.ProjectionsApplication;
import io.ledgerline.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three apps started side by side on one database, each in its own Spring context with its
 * own configuration file and port, and, where asked for, the MCP server in front of them. The command
 * side starts first because it owns the event-store schema; the projections next because they own
 * the read schema the query side reads; the MCP server last, because it forwards to the other three.
 * The query side serves the console, and the projections allow its origin to call the ops API
 * (docs/configuration.md).
 */
public final class LocalSystem implements AutoCloseable {

    /** The MCP port that starts no MCP server. */
    public static final int WITHOUT_MCP = -1;

    private final List<ConfigurableApplicationContext> apps;
    private final boolean mcp;

    private LocalSystem(List<ConfigurableApplicationContext> apps, boolean mcp) {
        this.apps = apps;
        this.mcp = mcp;
    }

    /** Starts the apps; {@code database} holds the spring.datasource.* settings, ports may be 0 for any. */
    public static LocalSystem start(Map<String, String> database, int commandPort, int projectionsPort, int queryPort) {
        return start(database, Map.of(), commandPort, projectionsPort, queryPort);
    }

    /** As above, with settings only the command side gets (such as the role that migrates the event store). */
    public static LocalSystem start(Map<String, String> database, Map<String, String> commandSideOnly, int commandPort,
                                    int projectionsPort, int queryPort) {
        return start(database, commandSideOnly, commandPort, projectionsPort, queryPort, WITHOUT_MCP);
    }

    /** As above, and the MCP server on {@code mcpPort} (0 for any, {@link #WITHOUT_MCP} for none). */
    public static LocalSystem start(Map<String, String> database, Map<String, String> commandSideOnly, int commandPort,
                                    int projectionsPort, int queryPort, int mcpPort) {
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        Map<String, String> commandSide = new LinkedHashMap<>(database);
        commandSide.putAll(commandSideOnly);
        // The console is served by the query side and calls the ops API in the browser, so the
        // projections, which start first, must already know the query side's origin.
        int console = queryPort == 0 ? freePort() : queryPort;
        try {
            apps.add(run(CommandSideApplication.builder(), commandSide, commandPort));
            apps.add(run(ProjectionsApplication.builder(), with(database, "ledgerline.security.cors.allowed-origins",
                    "http://localhost:" + console + ",http://127.0.0.1:" + console), projectionsPort));
            apps.add(run(QuerySideApplication.builder(), with(database, "ledgerline.console.ops-url",
                    "http://localhost:" + port(apps.get(1))), console));
            if (mcpPort != WITHOUT_MCP) {
                // The MCP server owns no data: it gets no database settings, only where the others listen.
                apps.add(run(McpServerApplication.builder(), Map.of(
                        "ledgerline.mcp.command-url", "http://localhost:" + port(apps.get(0)),
                        "ledgerline.mcp.projections-url", "http://localhost:" + port(apps.get(1)),
                        "ledgerline.mcp.query-url", "http://localhost:" + port(apps.get(2))), mcpPort));
            }
        } catch (RuntimeException e) {
            apps.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
        return new LocalSystem(apps, mcpPort != WITHOUT_MCP);
    }

    public int commandPort() {
        return port(0);
    }

    public int projectionsPort() {
        return port(1);
    }

    public int queryPort() {
        return port(2);
    }

    /** Where the console is: the query side's {@code /console/}. */
    public String consoleUrl() {
        return "http://localhost:" + queryPort() + "/console/";
    }

    /** The MCP server's port; only for a system started with one. */
    public int mcpPort() {
        if (!mcp) {
            throw new IllegalStateException("This system was started without the MCP server");
        }
        return port(3);
    }

    private int port(int app) {
        return port(apps.get(app));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return more;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the query side", e);
        }
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder app, Map<String, String> settings, int port) {
        // Passed as command-line arguments so that they win over each app's own configuration file.
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=" + port);
        // One JVM has one logging system: it would print the first app's name on every line.
        arguments.add("--logging.include-application-name=false");
        // The launcher stops the apps itself, in order, before the database: a hook per app would
        // race the others and the embedded PostgreSQL's own hook.
        return app.registerShutdownHook(false).run(arguments.toArray(String[]::new));
    }

    /** Stops the apps in reverse order, so no reader outlives what it reads. */
    @Override
    public void close() {
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
    }
}
