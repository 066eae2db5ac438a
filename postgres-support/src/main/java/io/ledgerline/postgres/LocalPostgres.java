package io.ledgerline.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses and starts the PostgreSQL server for a local run or a test suite.
 * <ul>
 *   <li>{@code external}: {@code LEDGERLINE_POSTGRES_HOST} (and {@code _PORT}, {@code _USER}, {@code _PASSWORD}) names a server;</li>
 *   <li>{@code testcontainers}: a {@value #IMAGE} container, when Docker is reachable;</li>
 *   <li>{@code embedded}: the embedded binaries of the same major version, needing nothing but a JDK.</li>
 * </ul>
 * {@code LEDGERLINE_POSTGRES_MODE} (or the system property {@code ledgerline.postgres.mode}) forces one;
 * {@code auto} takes the first that is available, in the order above.
 */
public final class LocalPostgres {

    /** The image docker-compose runs; the embedded binaries are pinned to the same major version. */
    public static final String IMAGE = "postgres:17";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final Mode defaultMode;
    private int port;
    private Path dataDirectory;
    private boolean stoppedByOwner;
    private final Map<String, String> serverConfig = new LinkedHashMap<>();

    /** Which server to use. */
    public enum Mode { AUTO, EMBEDDED, TESTCONTAINERS, EXTERNAL }

    /** The settings that make a commit survive a crash of PostgreSQL or of the machine. */
    public static final Map<String, String> DURABLE = Map.of(
            "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    private LocalPostgres(Mode defaultMode) {
        this.defaultMode = defaultMode;
        // Connection headroom for three apps, each with its own pool.
        serverConfig.put("max_connections", "300");
        // The embedded binaries start with fsync and synchronous_commit off unless told otherwise:
        // a 2xx must mean the write survives a crash, so every server this class starts is durable.
        serverConfig.putAll(DURABLE);
    }

    /** Settings for a local run: embedded unless told otherwise, durable. */
    public static LocalPostgres forLocalRun() {
        return new LocalPostgres(Mode.EMBEDDED);
    }

    /**
     * Settings for tests: external if configured, a container where Docker runs, else embedded;
     * durable unless the test suite opts out with {@link #withoutDurability()}.
     */
    public static LocalPostgres forTests() {
        return new LocalPostgres(Mode.AUTO);
    }

    /**
     * Commits that a crash may lose: for test suites that prove nothing about durability and
     * want speed. Never for a server that holds data anybody relies on.
     */
    public LocalPostgres withoutDurability() {
        serverConfig.putAll(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
        return this;
    }

    /**
     * The caller stops the server itself, after everything that uses it. Without this, the
     * embedded library stops it from a JVM shutdown hook of its own, which runs at the same time as
     * the hooks closing the apps: they then lose the database while they release their segments.
     */
    public LocalPostgres stoppedByOwner() {
        this.stoppedByOwner = true;
        return this;
    }

    /** The port for a started server; 0 (the default) picks a free one. */
    public LocalPostgres port(int port) {
        this.port = port;
        return this;
    }

    /** Keeps the embedded server's data in this directory across runs (default: a temporary one). */
    public LocalPostgres dataDirectory(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        return this;
    }

    /** A {@code postgresql.conf} setting for a server this class starts. */
    public LocalPostgres serverConfig(String key, String value) {
        serverConfig.put(key, value);
        return this;
    }

    public PostgresServer start() {
        Mode mode = configuredMode();
        if (mode == Mode.AUTO) {
            mode = setting("LEDGERLINE_POSTGRES_HOST") != null ? Mode.EXTERNAL
                    : ContainerPostgresServer.dockerAvailable() ? Mode.TESTCONTAINERS
                    : Mode.EMBEDDED;
        }
        PostgresServer server = switch (mode) {
            case EXTERNAL -> external();
            case TESTCONTAINERS -> ContainerPostgresServer.start(IMAGE, serverConfig);
            default -> EmbeddedPostgresServer.start(port, dataDirectory, serverConfig, !stoppedByOwner);
        };
        log.info("Using {} PostgreSQL at {}", server.kind(), server.jdbcUrl("postgres"));
        return server;
    }

    private Mode configuredMode() {
        String value = System.getProperty("ledgerline.postgres.mode", setting("LEDGERLINE_POSTGRES_MODE"));
        if (value == null || value.isBlank()) {
            return defaultMode;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LEDGERLINE_POSTGRES_MODE must be auto, embedded, testcontainers or external, not "
                    + value, e);
        }
    }

    private static PostgresServer external() {
        String host = setting("LEDGERLINE_POSTGRES_HOST");
        if (host == null) {
            throw new IllegalStateException("LEDGERLINE_POSTGRES_MODE=external needs LEDGERLINE_POSTGRES_HOST");
        }
        String port = setting("LEDGERLINE_POSTGRES_PORT");
        String user = setting("LEDGERLINE_POSTGRES_USER");
        String password = setting("LEDGERLINE_POSTGRES_PASSWORD");
        return new ExternalPostgresServer(host, port == null ? 5432 : Integer.parseInt(port),
                user == null ? "postgres" : user, password == null ? "" : password);
    }

    private static String setting(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
