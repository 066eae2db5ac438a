package io.ledgerline.infrastructure.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the events of a request's command landed in the global stream, told by the insert itself
 * ({@code RETURNING global_index}) rather than looked up after the command, which saved a query per
 * command. The positions become known to the request only when the unit of work that appended them
 * has committed, and only on the thread serving the request: a command retried on another thread,
 * or appended by a background process, leaves nothing here, and the caller looks the position up.
 */
public final class AppendedPositions {

    private static final String ATTRIBUTE = AppendedPositions.class.getName();

    private AppendedPositions() {
    }

    /**
     * Axon's append statement for the JDBC engine (one row per event, sent as one batch), which
     * also asks for each row's global index and keeps what comes back.
     */
    public static PreparedStatement statement(Connection connection, EventSchema schema, Class<?> dataType,
                                              List<? extends EventMessage<?>> events, Serializer serializer,
                                              TimestampWriter timestamps) throws SQLException {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)", new String[] {schema.globalIndexColumn()});
        List<String> appended = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            // As Axon's own statement stores an event that belongs to no aggregate.
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            timestamps.writeTimestamp(insert, 5, event.getTimestamp());
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setObject(8, payload.getData());
            insert.setObject(9, event.serializeMetaData(serializer, dataType).getData());
            insert.addBatch();
            appended.add(key(event.getAggregateIdentifier(), event.getSequenceNumber()));
        }
        return (PreparedStatement) Proxy.newProxyInstance(AppendedPositions.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(insert, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("executeBatch")) {
                        noteAfterCommit(appended, insert);
                    }
                    return result;
                });
    }

    /** The position at which this request's command appended {@code aggregateId}'s event {@code sequence}, if known. */
    @SuppressWarnings("unchecked")
    public static Optional<Long> ofThisRequest(String aggregateId, long sequence) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object positions = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return positions == null ? Optional.empty()
                : Optional.ofNullable(((Map<String, Long>) positions).get(key(aggregateId, sequence)));
    }

    private static void noteAfterCommit(List<String> appended, PreparedStatement insert) throws SQLException {
        if (!CurrentUnitOfWork.isStarted() || RequestContextHolder.getRequestAttributes() == null) {
            return;
        }
        Map<String, Long> positions = new HashMap<>();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            for (int row = 0; row < appended.size() && keys.next(); row++) {
                positions.put(appended.get(row), keys.getLong(1));
            }
        }
        CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> remember(positions));
    }

    @SuppressWarnings("unchecked")
    private static void remember(Map<String, Long> positions) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        Object known = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            request.setAttribute(ATTRIBUTE, new HashMap<>(positions), RequestAttributes.SCOPE_REQUEST);
        } else {
            ((Map<String, Long>) known).putAll(positions);
        }
    }

    private static String key(String aggregateId, long sequence) {
        return sequence + "@" + aggregateId;
    }
}
