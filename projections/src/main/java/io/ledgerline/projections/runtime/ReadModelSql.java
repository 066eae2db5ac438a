package io.ledgerline.projections.runtime;

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

    private static final Pattern TABLE = Pattern.compile("\\bread\\.([a-z_]+)\\b");

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

    private String rewrite(String template) {
        return TABLE.matcher(template).replaceAll(match -> table(match.group(1)));
    }
}
