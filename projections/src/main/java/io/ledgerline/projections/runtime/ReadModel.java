package io.ledgerline.projections.runtime;

import java.util.List;
import java.util.function.Function;

/** A read model: its name, the tables one generation of it consists of, and its event handler for a generation. */
public record ReadModel(String name, List<String> tables, Function<ReadModelSql, Object> handler) {

    /** The processor (and processing group) that builds {@code generation} of this model, e.g. {@code orders-g2}. */
    public String processorName(int generation) {
        return name + "-g" + generation;
    }
}
