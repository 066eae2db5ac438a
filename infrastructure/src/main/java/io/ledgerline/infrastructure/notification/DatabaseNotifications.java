package io.ledgerline.infrastructure.notification;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Listens on PostgreSQL notification channels over one connection of its own, kept out of the pool
 * for as long as the app runs, and turns each notification into a {@link Signal}. Waiting costs the
 * database nothing: the thread blocks on the socket; a {@code SELECT 1} now and then proves the
 * connection is alive. When the connection breaks, every signal fires (whatever was announced
 * meanwhile is lost, so readers must look) and the listener reconnects.
 */
public class DatabaseNotifications extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final int WAIT_MILLIS = 250;

    private final DataSource dataSource;
    private final Duration keepAlive;
    private final Duration reconnectDelay;
    private final Map<String, Signal> signals = new ConcurrentHashMap<>();

    public DatabaseNotifications(DataSource dataSource, Duration keepAlive, Duration reconnectDelay) {
        super("db-notifications");
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
        this.reconnectDelay = reconnectDelay;
    }

    /** The signal of a channel; the listener starts listening on it within a moment if it does not yet. */
    public Signal signal(String channel) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        return signals.computeIfAbsent(channel, Signal::new);
    }

    @Override
    void run() {
        boolean warned = false;
        while (running()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                Set<String> listening = new HashSet<>();
                long lastCheck = System.nanoTime();
                if (warned) {
                    log.info("Listening for database notifications again");
                    warned = false;
                }
                while (running()) {
                    subscribeNew(connection, listening);
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        for (PGNotification notification : received) {
                            Signal signal = signals.get(notification.getName());
                            if (signal != null) {
                                signal.fire(notification.getParameter());
                            }
                        }
                        lastCheck = System.nanoTime();
                    } else if (System.nanoTime() - lastCheck > keepAlive.toNanos()) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        lastCheck = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running()) {
                    break;
                }
                if (!warned) {
                    log.warn("Lost the connection that listens for database notifications ({}); readers poll "
                            + "until it is back", e.getMessage());
                    warned = true;
                }
            } finally {
                // Anything announced while nobody listened is lost: let every reader look for itself.
                signals.values().forEach(signal -> {
                    signal.listening(false);
                    signal.fire(null);
                });
            }
            if (running()) {
                LockSupport.parkNanos(reconnectDelay.toNanos());
            }
        }
    }

    private void subscribeNew(Connection connection, Set<String> listening) throws SQLException {
        for (Signal signal : signals.values()) {
            if (listening.add(signal.channel())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + signal.channel());
                }
                signal.listening(true);
                // Whatever was announced before this point was not heard: readers should look once.
                signal.fire(null);
            }
        }
    }
}
