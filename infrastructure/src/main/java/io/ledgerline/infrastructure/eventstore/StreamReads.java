package io.ledgerline.infrastructure.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * How a streaming processor reads the next events after its token: the next {@code batchSize}
 * events after the token's position, however far on they are, plus any of the token's gaps that
 * have been filled since.
 * <p>
 * Axon's own statements read a window of positions ({@code > index AND <= index + batchSize}). A
 * window can be empty although events follow it (more than a batch of positions were taken by
 * appends that rolled back), so after an empty read Axon asks for the next position with a second
 * query, the "extended gap check". Under load most empty reads are a reader woken for events it had
 * already read, and that second query was about one statement per REST command
 * (docs/performance.md). Reading "the next events" instead of "the next window" needs no second
 * query: an empty answer means nothing follows. The token's gaps are one array parameter rather
 * than a placeholder each, so the statement's text, and so its server-side prepared plan, is the
 * same whatever the number of gaps.
 * <p>
 * Both statements walk the primary key: the next events in order, with a limit; the gaps by key.
 */
final class StreamReads {

    private StreamReads() {
    }

    /** The next {@code batchSize} events after {@code globalIndex}. */
    static PreparedStatement withoutGaps(Connection connection, EventSchema schema, long globalIndex, int batchSize)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(next(schema));
        statement.setLong(1, globalIndex);
        statement.setInt(2, batchSize);
        return statement;
    }

    /** The next {@code batchSize} events after {@code globalIndex}, and the events at the positions in {@code gaps}. */
    static PreparedStatement withGaps(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                      List<Long> gaps) throws SQLException {
        String sql = "SELECT " + schema.trackedEventFields() + " FROM ((" + next(schema) + ") UNION ALL (SELECT "
                + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " = ANY (?))) AS found ORDER BY " + schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setInt(2, batchSize);
        // Every gap lies below the token's position, so no event comes from both halves.
        statement.setArray(3, connection.createArrayOf("bigint", gaps.toArray()));
        return statement;
    }

    private static String next(EventSchema schema) {
        return "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn() + " LIMIT ?";
    }
}
