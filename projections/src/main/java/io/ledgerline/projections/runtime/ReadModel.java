package io.ledgerline.projections.runtime;

import java.util.List;
import java.util.function.Function;

/**
 * A read model: its name, the tables one generation of it consists of, its event handler for a
 * generation, and its number of segments (null: {@code ledgerline.projections.segments}).
 */
public record ReadModel(String name, List<String> tables, Function<ReadModelSql, Object> handler, Integer segments) {

    public ReadModel(String name, List<String> tables, Function<ReadModelSql, Object> handler) {
        this(name, tables, handler, null);
    }

    /** The processor (and processing group) that builds {@code generation} of this model, e.g. {@code orders-g2}. */
    public String processorName(int generation) {
        return name + "-g" + generation;
    }

    /** The model a processor builds: {@code orders-g2} → {@code orders}. */
    public static String modelOf(String processorName) {
        return processorName.replaceFirst("-g\\d+$", "");
    }
}
