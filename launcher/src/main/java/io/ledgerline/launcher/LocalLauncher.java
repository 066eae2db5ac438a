package io.ledgerline.launcher;

import io.ledgerline.command.CommandSideApplication;
import io.ledgerline.postgres.LocalPostgres;
import io.ledgerline.postgres.PostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the whole system for a local run. Each app runs in its own Spring context with its own
 * configuration file and port, exactly as it would in its own process; they share the JVM only to
 * start fast on a small machine (docs/adr/0002-local-run-in-one-jvm.md). They share no beans:
 * events reach the read side through the event store, as in production.
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
        Map<String, Object> database = database(fresh);
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        started.add(start(CommandSideApplication.builder(), database, "LEDGERLINE_COMMAND_PORT", 8081));
        System.out.printf("%n  Ledgerline is up.%n"
                        + "  command side  http://localhost:%s/api  (orders, payments, inventory)%n"
                        + "  database      %s%n  Stop with Ctrl+C.%n%n",
                started.get(0).getEnvironment().getProperty("local.server.port"),
                database.get("spring.datasource.url"));
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder app, Map<String, Object> database,
                                                        String portVariable, int defaultPort) {
        String port = System.getenv().getOrDefault(portVariable, Integer.toString(defaultPort));
        // Passed as command-line arguments so that they win over each app's own configuration file.
        List<String> arguments = new ArrayList<>();
        database.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=" + port);
        return app.run(arguments.toArray(String[]::new));
    }

    private static Map<String, Object> database(boolean fresh) {
        if (System.getenv("SPRING_DATASOURCE_URL") != null) {
            return Map.of("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
        }
        Path dataDirectory = Path.of(System.getenv().getOrDefault("LEDGERLINE_DATA_DIR", ".ledgerline/pgdata"));
        if (fresh) {
            deleteRecursively(dataDirectory);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("LEDGERLINE_POSTGRES_PORT", "15432"));
        PostgresServer postgres = LocalPostgres.forLocalRun().port(port).dataDirectory(dataDirectory).start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "postgres-shutdown"));
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
