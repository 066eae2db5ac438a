package io.ledgerline.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A reachable PostgreSQL server. Closing it stops the server if this process started it. */
public interface PostgresServer extends AutoCloseable {

    Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Which kind of server this is: {@code embedded}, {@code testcontainers} or {@code external}. */
    String kind();

    /** The JDBC URL of one database on this server. */
    String jdbcUrl(String database);

    String username();

    String password();

    /** Creates a database unless it exists already. */
    default void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + kind() + " PostgreSQL", e);
        }
    }

    /** What the server reports for the settings in {@link LocalPostgres#DURABLE}, e.g. {@code fsync=on}. */
    default Map<String, String> durability() {
        Map<String, String> settings = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = connection.createStatement()) {
            for (String name : new TreeSet<>(LocalPostgres.DURABLE.keySet())) {
                var result = statement.executeQuery("SHOW " + name);
                result.next();
                settings.put(name, result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the durability settings of " + kind() + " PostgreSQL", e);
        }
        return settings;
    }

    @Override
    void close();
}
