package io.ledgerline.projections.runtime;

import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * SQL against one generation of the read models: handlers write {@code read.orders} and this
 * sends it to {@code read.orders_g2} when they build generation 2. The query side reads the
 * plain names, which are views of the live generation.
 */
public final class ReadModelSql {

    /**
     * A table of the read schema. A name directly followed by a parenthesis, {@code read.payment_status(},
     * is a function call, which every generation shares; a column list after a table name is written
     * with a space, {@code read.orders (order_id, ...)}.
     */
    private static final Pattern TABLE = Pattern.compile("\\bread\\.([a-z_]+)\\b(?!\\()");

    private final JdbcClient jdbc;
    private final int generation;
    private final Map<String, String> rewritten = new ConcurrentHashMap<>();

    public ReadModelSql(JdbcClient jdbc, int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("generations start at 1");
        }
        this.jdbc = jdbc;
        this.generation = generation;
    }

    /**
     * A write to the rows named by {@code key} (usually the aggregate's id). While a projection
     * processor handles a batch, the write is kept and sent with the rest of the batch when it
     * commits ({@link RowWrites}); elsewhere it runs at once. Either way a handler cannot see the
     * outcome, so every write must be safe to repeat and must not depend on another key's writes:
     * guard changes with the row's version, and insert with {@code ON CONFLICT}.
     */
    public void write(String key, String template, SqlParameterSource params) {
        String sql = rewritten.computeIfAbsent(template, this::rewrite);
        if (!RowWrites.collect(new RowWrites.Write(key, sql, params))) {
            jdbc.sql(sql).paramSource(params).update();
        }
    }

    /** A statement run at once, for reads and schema changes; handlers write with {@link #write}. */
    public JdbcClient.StatementSpec sql(String template) {
        return jdbc.sql(rewritten.computeIfAbsent(template, this::rewrite));
    }

    public int generation() {
        return generation;
    }

    /** The name of a model table in this generation, e.g. {@code orders} → {@code read.orders_g2}. */
    public String table(String name) {
        return "read." + name + "_g" + generation;
    }

    /** The statement as it runs against this generation. */
    String rewrite(String template) {
        return TABLE.matcher(template).replaceAll(match -> table(match.group(1)));
    }
}
