package io.ledgerline.bench.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;

/**
 * Fills the event store fast, in SQL, with events the apps can read: {@code OrderPlaced} events
 * shaped exactly as the command side writes them (Jackson JSON of the record, typed ids as plain
 * strings, revision 1), and one product with a very long stream. The seeded events carry
 * correlation metadata but no hash chain, so the audit API's tamper check reports them as unlinked.
 * <p>
 * Seeding happens while the apps are stopped. The processors that follow the stream (the live
 * read models and the fulfilment process) are then moved past the seeded events, so that the
 * orders rebuild is the only thing that reads them; the read models simply do not contain them.
 */
public final class EventSeeder {

    private static final String MONEY = "'{\"minorUnits\":' || %s || ',\"currency\":\"EUR\",\"zero\":false}'";
    private static final String TIMESTAMP = "to_char((%s) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

    private EventSeeder() {
    }

    /** Appends {@code count} orders of two lines each, placed over the last year, in chunks. */
    public static void seedOrders(Connection connection, long count, LongConsumer progress) throws SQLException {
        long chunk = 100_000;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO events.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT id, 0, 'Order', gen_random_uuid()::text,
                       convert_to('{"principal":"anonymous","correlationId":"' || gen_random_uuid()
                                  || '","causationId":"' || gen_random_uuid() || '"}', 'UTF8'),
                       convert_to('{"orderId":"' || id || '","customerId":"seed-customer-' || (n %% 10000)
                                  || '","lines":[{"sku":"SEED-' || (n %% 1000) || '","quantity":2,"unitPrice":' || %s
                                  || '},{"sku":"SEED-' || ((n + 500) %% 1000) || '","quantity":1,"unitPrice":' || %s
                                  || '}],"total":' || %s || ',"paymentMethodToken":null}', 'UTF8'),
                       '1', 'io.ledgerline.domain.order.OrderPlaced',
                       %s
                FROM (SELECT n, gen_random_uuid()::text AS id FROM generate_series(?::bigint, ?::bigint) n) orders
                """.formatted(MONEY.formatted("999"), MONEY.formatted("1499"), MONEY.formatted("3497"),
                TIMESTAMP.formatted("now() - (n % 365) * interval '1 day'")))) {
            for (long from = 1; from <= count; from += chunk) {
                insert.setLong(1, from);
                insert.setLong(2, Math.min(count, from + chunk - 1));
                insert.executeUpdate();
                progress.accept(Math.min(count, from + chunk - 1));
            }
        }
    }

    /** Registers product {@code sku} and receives stock into it until its stream has {@code events} events. */
    public static void seedLongStream(Connection connection, String sku, int events) throws SQLException {
        String metadata = "convert_to('{\"principal\":\"anonymous\",\"correlationId\":\"' || gen_random_uuid() || '\"}', 'UTF8')";
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO events.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    VALUES ('%1$s', 0, 'InventoryItem', gen_random_uuid()::text, %2$s,
                            convert_to('{"sku":"%1$s","name":"A product with a long history","unitPrice":' || %3$s || '}', 'UTF8'),
                            '1', 'io.ledgerline.domain.inventory.ProductRegistered', %4$s)"""
                    .formatted(sku, metadata, MONEY.formatted("999"), TIMESTAMP.formatted("now()")));
            sql.execute("""
                    INSERT INTO events.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT '%1$s', n, 'InventoryItem', gen_random_uuid()::text, %2$s,
                           convert_to('{"sku":"%1$s","quantity":1000,"onHand":' || (n * 1000) || ',"reserved":0}', 'UTF8'),
                           '1', 'io.ledgerline.domain.inventory.StockReceived', %3$s
                    FROM generate_series(1, %4$d) n ORDER BY n"""
                    .formatted(sku, metadata, TIMESTAMP.formatted("now()"), events - 1));
        }
    }

    /**
     * Makes the stock-Axon peer's product {@code aggregateId} (in Axon's default table) {@code events}
     * events long, by repeating its event at sequence 1 (a stock receipt made through the peer's
     * REST API, so stored as the peer stores it) with new identifiers and sequence numbers.
     */
    public static void lengthenPeerStream(Connection connection, String aggregateId, int events) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                SELECT aggregateidentifier, n, type, gen_random_uuid()::text, metadata, payload, payloadrevision,
                       payloadtype, timestamp
                FROM domainevententry, generate_series(2, ?) n
                WHERE aggregateidentifier = ? AND sequencenumber = 1 ORDER BY n""")) {
            insert.setInt(1, events - 1);
            insert.setString(2, aggregateId);
            if (insert.executeUpdate() != events - 2) {
                throw new IllegalStateException("The peer's product " + aggregateId + " has no event at sequence 1");
            }
        }
    }

    /**
     * Moves every tracking token of the apps' processors (read models, fulfilment) to the newest
     * event, so that events seeded behind their backs are not processed by them. Only while the
     * apps are stopped: then every position below the head is committed and no segment is claimed.
     */
    public static int fastForwardTokens(Connection connection) throws SQLException {
        long head = head(connection);
        String token = "convert_to('{\"index\":" + head + ",\"gaps\":[]}', 'UTF8')";
        int moved = 0;
        try (Statement sql = connection.createStatement()) {
            for (String table : new String[] {"read.token_entry", "events.token_entry"}) {
                moved += sql.executeUpdate("UPDATE " + table + " SET token = " + token
                        + ", token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken', owner = NULL"
                        + " WHERE processor_name <> '__config'");
            }
        }
        return moved;
    }

    public static long head(Connection connection) throws SQLException {
        return single(connection, "SELECT COALESCE(MAX(global_index), 0) FROM events.domain_event_entry");
    }

    public static long count(Connection connection) throws SQLException {
        return single(connection, "SELECT count(*) FROM events.domain_event_entry");
    }

    /** Any one seeded order, to check through the audit API that the apps can read what was seeded. */
    public static String anySeededOrder(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("""
                SELECT aggregate_identifier FROM events.domain_event_entry
                WHERE payload_type = 'io.ledgerline.domain.order.OrderPlaced' ORDER BY global_index DESC LIMIT 1""")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static long single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
