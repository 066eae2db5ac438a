package io.ledgerline.launcher;

import io.ledgerline.postgres.LocalPostgres;
import io.ledgerline.postgres.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the whole system for a local run: PostgreSQL, then the command side, the projections,
 * the query side and the MCP server, each on its own port (docs/adr/0002-local-run-in-one-jvm.md says why one JVM).
 * <p>
 * PostgreSQL is embedded (data kept in {@code .ledgerline/pgdata}, port 15432) unless
 * {@code SPRING_DATASOURCE_URL} names a database. {@code --fresh} wipes the embedded data first.
 * The embedded server commits durably, and the apps connect as a least-privileged role.
 */
public final class LocalLauncher {

    private static final String DATABASE = "ledgerline";

    private LocalLauncher() {
    }

    public static void main(String[] args) {
        boolean fresh = List.of(args).contains("--fresh");
        PostgresServer postgres = System.getenv("SPRING_DATASOURCE_URL") != null ? null : embedded(fresh);
        DatabaseRoles roles = postgres == null ? null : DatabaseRoles.prepare(postgres, DATABASE);
        LocalSystem system;
        try {
            // With SPRING_DATASOURCE_* set, each app reads them from the environment itself.
            system = LocalSystem.start(roles == null ? Map.of() : roles.appSettings(),
                    roles == null ? Map.of() : roles.eventStoreMigrationSettings(),
                    port("LEDGERLINE_COMMAND_PORT", 8081), port("LEDGERLINE_PROJECTIONS_PORT", 8082),
                    port("LEDGERLINE_QUERY_PORT", 8083), port("LEDGERLINE_MCP_PORT", 8084));
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        OrderedShutdown.onSignals(system, postgres);
        System.out.printf("""

                  Ledgerline is up.
                    command side  http://localhost:%d/api   (send commands: orders, payments, inventory)
                    projections   http://localhost:%d/actuator/health   (builds the read models)
                    query side    http://localhost:%d/api   (read orders, payments, stock, reports)
                    console       %s   (for ops, auditors and reporters; log in as ops, auditor or reporter)
                    mcp server    http://localhost:%d/mcp   (tools for AI agents, docs/mcp.md)
                    database      %s
                  Stop with Ctrl+C.

                """, system.commandPort(), system.projectionsPort(), system.queryPort(), system.consoleUrl(), system.mcpPort(),
                describe(postgres));
    }

    private static PostgresServer embedded(boolean fresh) {
        Path dataDirectory = Path.of(System.getenv().getOrDefault("LEDGERLINE_DATA_DIR", ".ledgerline/pgdata"));
        if (fresh) {
            deleteRecursively(dataDirectory);
        }
        return LocalPostgres.forLocalRun().port(port("LEDGERLINE_EMBEDDED_POSTGRES_PORT", 15432))
                .dataDirectory(dataDirectory).start();
    }

    private static String describe(PostgresServer postgres) {
        if (postgres == null) {
            return System.getenv("SPRING_DATASOURCE_URL") + " (its own durability settings)";
        }
        Map<String, String> reported = postgres.durability();
        String settings = reported.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return postgres.jdbcUrl(DATABASE) + " as " + DatabaseRoles.APP + "\n                  "
                + (reported.equals(LocalPostgres.DURABLE) ? "durable: " : "NOT DURABLE, a crash can lose acknowledged writes: ") + settings;
    }

    private static int port(String variable, int fallback) {
        return Integer.parseInt(System.getenv().getOrDefault(variable, Integer.toString(fallback)));
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not wipe " + directory, e);
        }
    }
}
