package io.ledgerline.infrastructure.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
     * Axon's own append statement for the JDBC engine (one row per event, sent as one batch), made
     * on a connection that also asks for each row's global index, and keeping what comes back.
     */
    public static PreparedStatement statement(Connection connection, EventSchema schema, Class<?> dataType,
                                              List<? extends EventMessage<?>> events, Serializer serializer,
                                              TimestampWriter timestamps) throws SQLException {
        Connection returningKeys = proxy(Connection.class, connection, (method, arguments) ->
                method.getName().equals("prepareStatement") && arguments.length == 1
                        ? connection.prepareStatement((String) arguments[0], new String[] {schema.globalIndexColumn()})
                        : method.invoke(connection, arguments));
        PreparedStatement insert = JdbcEventStorageEngineStatements.appendEvents(returningKeys, schema, dataType, events,
                serializer, timestamps);
        List<String> appended = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            // Axon stores an event that belongs to no aggregate under its own id, at sequence 0.
            appended.add(event instanceof DomainEventMessage<?> domain
                    ? key(domain.getAggregateIdentifier(), domain.getSequenceNumber()) : key(event.getIdentifier(), 0));
        }
        return proxy(PreparedStatement.class, insert, (method, arguments) -> {
            Object result = method.invoke(insert, arguments);
            if (method.getName().equals("executeBatch")) {
                noteAfterCommit(appended, insert);
            }
            return result;
        });
    }

    /** A call on a proxy, given the method and its arguments (never null). */
    private interface Call {
        Object on(Method method, Object[] arguments) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(AppendedPositions.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    try {
                        return call.on(method, arguments == null ? new Object[0] : arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
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
