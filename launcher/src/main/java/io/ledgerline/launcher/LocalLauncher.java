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
import java.util.stream.Stream;

/**
 * Starts the whole system for a local run: PostgreSQL, then the command side, the projections and
 * the query side, each on its own port (docs/adr/0002-local-run-in-one-jvm.md says why one JVM).
 * <p>
 * PostgreSQL is embedded (data kept in {@code .ledgerline/pgdata}, port 15432) unless
 * {@code SPRING_DATASOURCE_URL} names a database. {@code --fresh} wipes the embedded data first.
 */
public final class LocalLauncher {

    private static final String DATABASE = "ledgerline";

    private LocalLauncher() {
    }

    public static void main(String[] args) {
        boolean fresh = List.of(args).contains("--fresh");
        PostgresServer[] postgres = new PostgresServer[1];
        Map<String, String> database = database(fresh, postgres);
        LocalSystem system = LocalSystem.start(database, port("LEDGERLINE_COMMAND_PORT", 8081),
                port("LEDGERLINE_PROJECTIONS_PORT", 8082), port("LEDGERLINE_QUERY_PORT", 8083));
        // One hook, in order: the apps finish their work before the database they use goes away.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            if (postgres[0] != null) {
                postgres[0].close();
            }
        }, "ledgerline-shutdown"));
        System.out.printf("""

                  Ledgerline is up.
                    command side  http://localhost:%d/api   (send commands: orders, payments, inventory)
                    projections   http://localhost:%d/actuator/health   (builds the read models)
                    query side    http://localhost:%d/api   (read orders, payments, stock, reports)
                    database      %s
                  Stop with Ctrl+C.

                """, system.commandPort(), system.projectionsPort(), system.queryPort(),
                database.get("spring.datasource.url"));
    }

    private static int port(String variable, int fallback) {
        return Integer.parseInt(System.getenv().getOrDefault(variable, Integer.toString(fallback)));
    }

    private static Map<String, String> database(boolean fresh, PostgresServer[] started) {
        if (System.getenv("SPRING_DATASOURCE_URL") != null) {
            // Each app reads SPRING_DATASOURCE_* from the environment itself.
            return Map.of("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
        }
        Path dataDirectory = Path.of(System.getenv().getOrDefault("LEDGERLINE_DATA_DIR", ".ledgerline/pgdata"));
        if (fresh) {
            deleteRecursively(dataDirectory);
        }
        PostgresServer postgres = LocalPostgres.forLocalRun().port(port("LEDGERLINE_EMBEDDED_POSTGRES_PORT", 15432))
                .dataDirectory(dataDirectory).start();
        started[0] = postgres;
        postgres.createDatabase(DATABASE);
        return Map.of("spring.datasource.url", postgres.jdbcUrl(DATABASE),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password());
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
