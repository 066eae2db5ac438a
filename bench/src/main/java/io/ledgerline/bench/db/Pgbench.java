package io.ledgerline.bench.db;

import io.ledgerline.bench.system.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limit for what an event-sourced command does in SQL: in one transaction,
 * read one aggregate's events in sequence order (as Axon's JDBC engine does) and append one event
 * with the next sequence number. Runs {@code pgbench} against a copy of the event table's shape
 * in its own database on the same server, so the apps' data stays untouched.
 */
public final class Pgbench {

    public static final String DATABASE = "pgbench_es";
    private static final String HASH = "0123456789abcdef".repeat(4);
    /** Metadata of the size the apps write: correlation, causation, principal and the hash chain. */
    static String metadataSql(String correlationId) {
        return "convert_to('{\"principal\":\"anonymous\",\"causationId\":\"' || gen_random_uuid()"
                + " || '\",\"correlationId\":\"' || " + correlationId + " || '\",\"previousHash\":\"" + HASH
                + "\",\"hash\":\"" + HASH + "\"}', 'UTF8')";
    }
    private static final String PAYLOAD_SQL = "convert_to('{\"sku\":\"agg-' || %s || '\",\"orderId\":\"' || gen_random_uuid()"
            + " || '\",\"quantity\":1,\"onHand\":1000000000,\"reserved\":' || %s || '}', 'UTF8')";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final Path pgbench;
    private final Database database;
    private final Path script;
    private final int aggregates;

    private Pgbench(Path pgbench, Database database, Path script, int aggregates) {
        this.pgbench = pgbench;
        this.database = database;
        this.script = script;
        this.aggregates = aggregates;
    }

    /** One pgbench run. {@code triggers} tells whether the V3 audit trigger and indexes were in place. */
    public record Result(int clients, boolean triggers, double seconds, double tps, double latencyAverageMs,
                         long transactions, long failed) {
    }

    /** The pgbench on the PATH, if there is one (Debian: apt-get install postgresql-client). */
    public static Optional<Path> find() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(directory, "pgbench");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Creates {@code es.domain_event_entry} as V1 and V3 of the event-store migrations do (columns,
     * constraints, the correlation-id trigger, the extra indexes, the append-only triggers) and
     * fills it with {@code aggregates} aggregates of {@code eventsEach} events.
     */
    public static Pgbench prepare(Path pgbench, Database database, Path workDirectory, int aggregates, int eventsEach)
            throws SQLException {
        database.createDatabase(DATABASE);
        try (Connection connection = database.connect(DATABASE); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS es CASCADE");
            sql.execute("CREATE SCHEMA es");
            sql.execute("""
                    CREATE TABLE es.domain_event_entry (
                        global_index BIGSERIAL NOT NULL, aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL, type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL,
                        meta_data BYTEA, payload BYTEA NOT NULL, payload_revision VARCHAR(255),
                        payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,
                        correlation_id VARCHAR(128))""");
            sql.execute("""
                    INSERT INTO es.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp, correlation_id)
                    SELECT 'agg-' || a, s, 'InventoryItem', gen_random_uuid()::text, %s, %s, '1',
                           'io.ledgerline.domain.inventory.StockReserved', now()::text, c
                    FROM (SELECT a, s, gen_random_uuid()::text AS c
                          FROM generate_series(0, %d) s, generate_series(1, %d) a) events
                    ORDER BY s, a""".formatted(metadataSql("c"), PAYLOAD_SQL.formatted("a", "s"), eventsEach - 1, aggregates));
            sql.execute("ALTER TABLE es.domain_event_entry ADD CONSTRAINT dee_pk PRIMARY KEY (global_index)");
            sql.execute("ALTER TABLE es.domain_event_entry ADD CONSTRAINT dee_aggregate_sequence_uk UNIQUE (aggregate_identifier, sequence_number)");
            sql.execute("ALTER TABLE es.domain_event_entry ADD CONSTRAINT dee_event_identifier_uk UNIQUE (event_identifier)");
            addAuditTriggers(sql);
            sql.execute("VACUUM ANALYZE es.domain_event_entry");
        }
        Path script = workDirectory.resolve("pgbench-read5-append1.sql");
        try {
            Files.writeString(script, script());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Pgbench(pgbench, database, script, aggregates);
    }

    /** What V3__audit.sql adds: a trigger filling correlation_id on insert, two indexes, append-only triggers. */
    private static void addAuditTriggers(Statement sql) throws SQLException {
        sql.execute("""
                CREATE FUNCTION es.copy_correlation_id() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.meta_data IS NOT NULL THEN
                        NEW.correlation_id := left(convert_from(NEW.meta_data, 'UTF8')::jsonb ->> 'correlationId', 128);
                    END IF;
                    RETURN NEW;
                END;
                $$""");
        sql.execute("""
                CREATE TRIGGER dee_correlation_id BEFORE INSERT ON es.domain_event_entry
                    FOR EACH ROW EXECUTE FUNCTION es.copy_correlation_id()""");
        sql.execute("CREATE INDEX dee_correlation_idx ON es.domain_event_entry (correlation_id, global_index)");
        sql.execute("CREATE INDEX dee_time_idx ON es.domain_event_entry (time_stamp, global_index)");
        sql.execute("""
                CREATE FUNCTION es.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'append-only';
                END;
                $$""");
        sql.execute("""
                CREATE TRIGGER dee_append_only BEFORE UPDATE OR DELETE ON es.domain_event_entry
                    FOR EACH ROW EXECUTE FUNCTION es.refuse_change()""");
    }

    /** Takes the V3 additions away again, for a run with the bare V1 table. */
    public void dropAuditTriggers() throws SQLException {
        try (Connection connection = database.connect(DATABASE); Statement sql = connection.createStatement()) {
            sql.execute("DROP TRIGGER dee_correlation_id ON es.domain_event_entry");
            sql.execute("DROP TRIGGER dee_append_only ON es.domain_event_entry");
            sql.execute("DROP INDEX es.dee_correlation_idx");
            sql.execute("DROP INDEX es.dee_time_idx");
        }
    }

    /**
     * The transaction: Axon's aggregate read (by identifier, in sequence order, first batch), then an
     * insert of the next sequence number. Two clients picking the same aggregate at once would
     * collide on the unique constraint, which pgbench cannot retry; ON CONFLICT DO NOTHING skips
     * those rare inserts instead.
     */
    private static String script() {
        return """
                \\set a random(1, :aggregates)
                BEGIN;
                SELECT global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp FROM es.domain_event_entry WHERE aggregate_identifier = 'agg-' || :a AND sequence_number >= 0 AND sequence_number < 100 ORDER BY sequence_number ASC;
                INSERT INTO es.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) SELECT 'agg-' || :a, COALESCE(MAX(sequence_number), -1) + 1, 'InventoryItem', gen_random_uuid()::text, %s, %s, '1', 'io.ledgerline.domain.inventory.StockReserved', now()::text FROM es.domain_event_entry WHERE aggregate_identifier = 'agg-' || :a ON CONFLICT DO NOTHING;
                END;
                """.formatted(metadataSql("gen_random_uuid()"), PAYLOAD_SQL.formatted(":a", "0"));
    }

    /** Runs the transaction with {@code clients} connections (prepared statements, as JDBC uses them). */
    public Result run(int clients, int seconds, boolean triggers, Path log) {
        int threads = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-n", "-M", "prepared",
                "-c", Integer.toString(clients), "-j", Integer.toString(threads), "-T", Integer.toString(seconds),
                "-D", "aggregates=" + aggregates, "-f", script.toString(),
                "-h", "localhost", "-p", Integer.toString(database.port()), "-U", database.username(), DATABASE));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(seconds + 120L, TimeUnit.SECONDS);
            Files.writeString(log, String.join(" ", command) + "\n" + output, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return new Result(clients, triggers, seconds, number(TPS, output), number(LATENCY, output),
                    (long) number(PROCESSED, output), (long) Math.max(0, number(FAILED, output)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
