package io.ledgerline.testsupport;

import io.ledgerline.postgres.LocalPostgres;
import io.ledgerline.postgres.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out fresh databases on one PostgreSQL server per test JVM, chosen by {@link LocalPostgres}
 * (external, container or embedded), so tests never care which one they got.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static PostgresServer server;
    private static final Deque<AutoCloseable> CLOSE_FIRST = new ArrayDeque<>();

    private TestDatabases() {
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer server() {
        if (server == null) {
            // These suites prove nothing about crashes; the durability test starts its own durable server.
            PostgresServer started = LocalPostgres.forTests().withoutDurability().stoppedByOwner().start();
            // One hook, in order: whatever uses the server stops before it does (hooks run all at once).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeUsers();
                started.close();
            }, "test-postgres-shutdown"));
            server = started;
        }
        return server;
    }

    /** Closes {@code user} (apps started on this server) when the JVM exits, before the server stops. */
    public static synchronized void closeBeforeServer(AutoCloseable user) {
        CLOSE_FIRST.push(user);
    }

    private static synchronized void closeUsers() {
        while (!CLOSE_FIRST.isEmpty()) {
            try {
                CLOSE_FIRST.pop().close();
            } catch (Exception e) {
                System.err.println("Could not close " + e);
            }
        }
    }

    /** Creates an empty database with a name no other test uses. */
    public static TestDatabase create() {
        PostgresServer postgres = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        postgres.createDatabase(name);
        return new TestDatabase(postgres.jdbcUrl(name), postgres.username(), postgres.password());
    }

    /** Points Spring's DataSource at a fresh database; call from a {@code @DynamicPropertySource} method. */
    public static TestDatabase register(DynamicPropertyRegistry registry) {
        TestDatabase database = create();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        return database;
    }

    /** Connection settings of one test database. */
    public record TestDatabase(String url, String username, String password) {
    }
}
