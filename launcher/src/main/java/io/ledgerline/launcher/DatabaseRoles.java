package io.ledgerline.launcher;

import io.ledgerline.postgres.PostgresServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The least-privileged roles of the local run (docs/auditing.md, docs/adr/0008): the superuser
 * only creates them, with the script {@code ledgerline/roles.sql} that docker-compose runs too.
 * {@value #OWNER} owns the event store and runs its migrations; {@value #APP} runs the apps.
 */
final class DatabaseRoles {

    static final String OWNER = "ledgerline_owner";
    static final String APP = "ledgerline_app";
    private static final String SCRIPT = "/ledgerline/roles.sql";

    private final PostgresServer server;
    private final String database;

    private DatabaseRoles(PostgresServer server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Creates the database and the roles (as the superuser), or brings them up to date. */
    static DatabaseRoles prepare(PostgresServer server, String database) {
        server.createDatabase(database);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), server.username(),
                server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(script());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the database roles: " + e.getMessage(), e);
        }
        return new DatabaseRoles(server, database);
    }

    /** The connection settings every app gets: the application role. */
    Map<String, String> appSettings() {
        return Map.of("spring.datasource.url", server.jdbcUrl(database),
                "spring.datasource.username", APP,
                "spring.datasource.password", APP);
    }

    /** The command side migrates the event store as its owner. */
    Map<String, String> eventStoreMigrationSettings() {
        return Map.of("spring.flyway.user", OWNER, "spring.flyway.password", OWNER);
    }

    private static String script() {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
