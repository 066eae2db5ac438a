package io.ledgerline.projections.runtime;

/** No events are parked for that sequence. */
public class NoDeadLettersException extends RuntimeException {

    public NoDeadLettersException(String processor, String sequence) {
        super("No dead letters for '" + sequence + "' in " + processor, null, false, false);
    }
}
