package io.ledgerline.bench.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the database's time goes, from {@code pg_stat_statements}: reset before a phase, read
 * after it. Execution time only (no parse, planning or network), summed over all backends.
 */
public final class StatementStats {

    private StatementStats() {
    }

    /** One statement's totals over the phase. */
    public record Row(long calls, double totalMs, double meanMs, long rows, String query) {
    }

    public static void reset(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            sql.execute("SELECT pg_stat_statements_reset()");
        }
    }

    public static List<Row> top(Connection connection, int limit) throws SQLException {
        return read(connection, "s.total_exec_time", limit, 160);
    }

    /**
     * Writes every statement of the phase, most called first, as tab-separated calls per unit of
     * work, mean ms and text: the round trips that {@link #top} (by time) leaves out.
     */
    public static void writeAll(Connection connection, Path file, long units, String unit)
            throws SQLException, IOException {
        StringBuilder out = new StringBuilder("calls per " + unit + "\tmean ms\tstatement\n");
        for (Row row : read(connection, "s.calls", Integer.MAX_VALUE, 400)) {
            out.append(String.format("%.3f\t%.4f\t%s%n", (double) row.calls() / units, row.meanMs(), row.query()));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    private static List<Row> read(Connection connection, String order, int limit, int width) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("""
                SELECT s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
                       regexp_replace(s.query, '\\s+', ' ', 'g') AS query
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = current_database()
                ORDER BY""" + " " + order + " DESC LIMIT " + limit)) {
            while (row.next()) {
                String query = row.getString(5);
                rows.add(new Row(row.getLong(1), row.getDouble(2), row.getDouble(3), row.getLong(4),
                        query.length() > width ? query.substring(0, width) + "…" : query));
            }
        }
        return rows;
    }

    /** Calls and execution time of every statement in the current database, summed. */
    public static Row total(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("""
                SELECT COALESCE(sum(s.calls), 0), COALESCE(sum(s.total_exec_time), 0), COALESCE(sum(s.rows), 0)
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = current_database()""")) {
            row.next();
            long calls = row.getLong(1);
            double total = row.getDouble(2);
            return new Row(calls, total, calls == 0 ? 0 : total / calls, row.getLong(3), "all statements");
        }
    }
}
