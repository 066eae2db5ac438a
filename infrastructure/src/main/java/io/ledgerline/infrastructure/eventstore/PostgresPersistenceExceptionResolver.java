package io.ledgerline.infrastructure.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises a duplicate key by PostgreSQL's SQLSTATE 23505 (unique_violation) anywhere in the
 * cause chain, and by nothing else: a missing table or a lost connection is not a concurrency
 * conflict and must not be reported as one.
 */
public class PostgresPersistenceExceptionResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && hasUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUniqueViolation(SQLException exception) {
        // A failed batch insert reports the statement's own error through getNextException().
        for (SQLException e = exception; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
