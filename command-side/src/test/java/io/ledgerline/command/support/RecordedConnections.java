package io.ledgerline.command.support;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A data source over another that notes what is done to its connections: each connection taken
 * and closed, each query with the connection's commit mode, each change of that mode, each commit
 * and rollback, and each savepoint set, released or rolled back to.
 */
public final class RecordedConnections {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** What was done so far, in order. */
    public List<String> calls() {
        return calls;
    }

    public DataSource over(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        calls.add("getConnection");
                        return recording(connection);
                    }
                    return result;
                });
    }

    private Connection recording(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setAutoCommit" -> calls.add("setAutoCommit(" + args[0] + ")");
                        case "commit", "close", "setSavepoint", "releaseSavepoint" -> calls.add(method.getName());
                        case "rollback" -> calls.add(args == null ? "rollback" : "rollbackToSavepoint");
                        case "prepareStatement", "createStatement" ->
                                calls.add("query " + (target.getAutoCommit() ? "autocommit" : "in a transaction"));
                        default -> {
                        }
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
