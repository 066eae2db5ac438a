package io.ledgerline.projections.runtime;

import java.util.Set;
import java.util.TreeSet;

/** An operator named a read model that does not exist. */
public class UnknownReadModelException extends RuntimeException {

    public UnknownReadModelException(String name, Set<String> known) {
        super("No read model '" + name + "'; the read models are " + new TreeSet<>(known), null, false, false);
    }
}
