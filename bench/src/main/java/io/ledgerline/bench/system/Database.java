package io.ledgerline.bench.system;

import io.ledgerline.postgres.LocalPostgres;
import io.ledgerline.postgres.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of a run: the embedded PostgreSQL 17 that the local run uses, in a fresh
 * data directory, with {@code pg_stat_statements} loaded so that the harness can say where the
 * database time goes. The apps, pgbench and the harness's own SQL all use this one server.
 */
public final class Database implements AutoCloseable {

    public static final String APP_DATABASE = "ledgerline";

    private final PostgresServer server;
    private final Path dataDirectory;

    private Database(PostgresServer server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    public static Database start(Path dataDirectory) {
        PostgresServer server = LocalPostgres.forLocalRun()
                .dataDirectory(dataDirectory)
                .serverConfig("shared_preload_libraries", "pg_stat_statements")
                // The server's log goes to files in the data directory (log/), not through the harness's output.
                .serverConfig("logging_collector", "on")
                .start();
        server.createDatabase(APP_DATABASE);
        return new Database(server, dataDirectory);
    }

    public String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    public int port() {
        Matcher port = Pattern.compile(":(\\d+)/").matcher(server.jdbcUrl(APP_DATABASE));
        if (!port.find()) {
            throw new IllegalStateException("No port in " + server.jdbcUrl(APP_DATABASE));
        }
        return Integer.parseInt(port.group(1));
    }

    public void createDatabase(String name) {
        server.createDatabase(name);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /** The process id of the postmaster, whose children are the backends. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server settings that matter for reading the results (durability above all). */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(APP_DATABASE); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT name, setting, unit FROM pg_settings
                     WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes',
                                    'shared_buffers', 'max_connections', 'wal_level', 'work_mem')
                     ORDER BY name""")) {
            while (rows.next()) {
                String unit = rows.getString("unit");
                settings.put(rows.getString("name"), rows.getString("setting") + (unit == null ? "" : " × " + unit));
            }
        } catch (SQLException e) {
            settings.put("error", e.getMessage());
        }
        return settings;
    }

    /**
     * The errors PostgreSQL logged, by message with numbers blanked out, e.g.
     * write conflicts ({@code duplicate key value violates unique constraint}) and deadlocks.
     */
    public Map<String, Long> loggedErrors() {
        Map<String, Long> errors = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(dataDirectory.resolve("log"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    int at = line.indexOf("ERROR:  ");
                    if (at >= 0) {
                        String message = line.substring(at + 8).replaceAll("\\d+", "N");
                        errors.merge(message, 1L, Long::sum);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            errors.put("could not read the server log: " + e, 1L);
        }
        return errors;
    }

    @Override
    public void close() {
        server.close();
    }
}
