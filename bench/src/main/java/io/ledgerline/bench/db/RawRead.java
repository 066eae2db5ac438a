package io.ledgerline.bench.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The physical limit of a rebuild: reading every row of the event store in global order with
 * keyset pagination over plain JDBC, every column fetched, nothing deserialized or written.
 */
public final class RawRead {

    private RawRead() {
    }

    /** One full read. */
    public record Result(int pageSize, long rows, long payloadBytes, double seconds, double rowsPerSecond) {
    }

    public static Result readAll(Connection connection, int pageSize) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        long after = -1;
        try (PreparedStatement page = connection.prepareStatement("""
                SELECT global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                       payload, payload_revision, payload_type, time_stamp
                FROM events.domain_event_entry WHERE global_index > ? ORDER BY global_index ASC LIMIT ?""")) {
            page.setInt(2, pageSize);
            while (true) {
                page.setLong(1, after);
                int inPage = 0;
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        row.getString(2);
                        row.getLong(3);
                        row.getString(4);
                        row.getString(5);
                        byte[] metadata = row.getBytes(6);
                        byte[] payload = row.getBytes(7);
                        row.getString(8);
                        row.getString(9);
                        row.getString(10);
                        bytes += payload.length + (metadata == null ? 0 : metadata.length);
                        inPage++;
                    }
                }
                rows += inPage;
                if (inPage < pageSize) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(pageSize, rows, bytes, seconds, rows / seconds);
    }
}
