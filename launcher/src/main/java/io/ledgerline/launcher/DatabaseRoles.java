package io.ledgerline.launcher;

import io.ledgerline.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The least-privileged roles of the local run (docs/auditing.md, docs/adr/0008): the superuser
 * only creates them. {@value #OWNER} owns the event store and runs its migrations, so only it
 * could disable the append-only trigger; {@value #APP} runs the apps, may read the event store
 * and append to it, and owns the read schema, whose generations the projections create at run
 * time. A data directory from an earlier run, whose objects the superuser owns, is handed over.
 */
final class DatabaseRoles {

    static final String OWNER = "ledgerline_owner";
    static final String APP = "ledgerline_app";

    private final PostgresServer server;
    private final String database;

    private DatabaseRoles(PostgresServer server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Creates the roles, the database and its schemas (as the superuser), or brings them up to date. */
    static DatabaseRoles prepare(PostgresServer server, String database) {
        DatabaseRoles roles = new DatabaseRoles(server, database);
        roles.run("postgres", """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN PASSWORD '%1$s' NOSUPERUSER NOCREATEDB NOCREATEROLE;
                  END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN
                    CREATE ROLE %2$s LOGIN PASSWORD '%2$s' NOSUPERUSER NOCREATEDB NOCREATEROLE;
                  END IF;
                END $$""".formatted(OWNER, APP));
        server.createDatabase(database);
        roles.run("postgres", "ALTER DATABASE " + database + " OWNER TO " + OWNER);
        roles.run(database, """
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                CREATE SCHEMA IF NOT EXISTS events AUTHORIZATION %1$s;
                ALTER SCHEMA events OWNER TO %1$s;
                CREATE SCHEMA IF NOT EXISTS read AUTHORIZATION %2$s;
                ALTER SCHEMA read OWNER TO %2$s;
                DO $$ DECLARE object record; BEGIN
                  FOR object IN SELECT c.oid::regclass AS name, n.nspname AS schema,
                                       CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
                                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname IN ('events', 'read') AND c.relkind IN ('r', 'p', 'v', 'S')
                                  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
                                  AND c.relowner <> (CASE n.nspname WHEN 'events' THEN '%1$s' ELSE '%2$s' END)::regrole LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %%I', object.kind, object.name,
                                   CASE object.schema WHEN 'events' THEN '%1$s' ELSE '%2$s' END);
                  END LOOP;
                  FOR object IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                WHERE n.nspname = 'events' AND p.proowner <> '%1$s'::regrole LOOP
                    EXECUTE format('ALTER FUNCTION %%s OWNER TO %%I', object.name, '%1$s');
                  END LOOP;
                END $$;
                GRANT USAGE ON SCHEMA events TO %2$s;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA events TO %2$s;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA events TO %2$s;
                ALTER DEFAULT PRIVILEGES FOR ROLE %1$s IN SCHEMA events GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %2$s;
                ALTER DEFAULT PRIVILEGES FOR ROLE %1$s IN SCHEMA events GRANT USAGE, SELECT ON SEQUENCES TO %2$s
                """.formatted(OWNER, APP));
        return roles;
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

    /**
     * Once the event store exists: the application role may read and append events, never change
     * or remove them (the trigger refuses that for every role; this takes the grant away as well).
     */
    void restrictEventTable() {
        run(database, "REVOKE UPDATE, DELETE, TRUNCATE ON events.domain_event_entry FROM " + APP);
    }

    private void run(String onDatabase, String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(onDatabase), server.username(),
                server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the database roles: " + e.getMessage(), e);
        }
    }
}
