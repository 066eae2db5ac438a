package io.ledgerline.infrastructure.eventstore;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.SerializedObject;

import javax.annotation.Nonnull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The token store of processors whose writes can all be made again from the event store: the read
 * models. Storing a token also lets its transaction commit without waiting for the disk
 * ({@code synchronous_commit} off for that transaction only, set by the token's own {@code UPDATE},
 * so in the same round trip).
 * <p>
 * That is safe because a batch's rows, dead letters and token commit together or not at all, in
 * memory as on disk: a crash of PostgreSQL may forget the last fraction of a second of batches,
 * never part of one, and the processor then handles those events again from the token it finds.
 * Every read-model write is safe to repeat. What a client was promised (the events themselves,
 * idempotency keys, the fulfilment process's tokens, which send commands) never goes through this
 * store. The gain: the batch's commit, and the announcement that follows it, no longer wait for a
 * WAL flush (docs/performance.md).
 * <p>
 * Any other case (this instance no longer holds the claim, a segment without a row) is left to
 * Axon's own store, which then commits durably.
 */
public final class DerivedDataTokenStore extends JdbcTokenStore {

    private final String nodeId;
    private final String update;

    DerivedDataTokenStore(JdbcTokenStore.Builder builder, TokenSchema schema, String nodeId) {
        super(builder.schema(schema).nodeId(nodeId));
        this.nodeId = nodeId;
        this.update = "UPDATE " + schema.tokenTable()
                + " SET " + schema.tokenColumn() + " = ?, " + schema.tokenTypeColumn() + " = ?, "
                + schema.timestampColumn() + " = ?"
                + " WHERE " + schema.ownerColumn() + " = ? AND " + schema.processorNameColumn() + " = ? AND "
                + schema.segmentColumn() + " = ?"
                // A one-time condition, true whatever the row: it runs once, before the row is looked for.
                + " AND (SELECT set_config('synchronous_commit', 'off', true)) IS NOT NULL";
    }

    @Override
    public void storeToken(TrackingToken token, @Nonnull String processorName, int segment)
            throws UnableToClaimTokenException {
        GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(token, serializer(), byte[].class, processorName,
                segment);
        SerializedObject<byte[]> serialized = entry.getSerializedToken();
        int updated;
        Connection connection = getConnection();
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setBytes(1, serialized == null ? null : serialized.getData());
            statement.setString(2, entry.getTokenType() == null ? null : entry.getTokenType().getName());
            statement.setString(3, entry.timestampAsString());
            statement.setString(4, nodeId);
            statement.setString(5, processorName);
            statement.setInt(6, segment);
            updated = statement.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcException("Could not store the token of " + processorName + " segment " + segment, e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
        if (updated == 0) {
            super.storeToken(token, processorName, segment);
        }
    }
}
