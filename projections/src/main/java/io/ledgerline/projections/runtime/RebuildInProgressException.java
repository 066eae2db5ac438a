package io.ledgerline.projections.runtime;

/** A rebuild was asked for while the model is already being rebuilt. */
public class RebuildInProgressException extends RuntimeException {

    public RebuildInProgressException(String model, int generation) {
        super("Read model " + model + " is already being rebuilt as generation " + generation, null, false, false);
    }
}
