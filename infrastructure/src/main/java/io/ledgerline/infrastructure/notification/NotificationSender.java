package io.ledgerline.infrastructure.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Announces commits on notification channels, after the fact and from a transaction of its own.
 * <p>
 * Not from the committing transaction: PostgreSQL serializes the commits of transactions that
 * notify (they take one lock for the notification queue until they end), which measured 4 to 5
 * times fewer appends per second with {@code fsync} on (docs/performance.md). Here a caller only
 * raises a flag; one thread sends a {@code NOTIFY} for every topic raised since its last one, so a
 * burst of commits costs one notification per topic, and at most one round is sent per {@code minInterval}.
 */
public class NotificationSender extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final DataSource dataSource;
    private final long minIntervalNanos;
    /** What is waiting to be sent, by channel and topic. */
    private final ConcurrentHashMap<Topic, Keys> raised = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pending = lock.newCondition();
    private Connection connection;
    private PreparedStatement notify;

    public NotificationSender(DataSource dataSource, Duration minInterval) {
        super("db-notify");
        this.dataSource = dataSource;
        this.minIntervalNanos = minInterval.toNanos();
    }

    /** Asks for a notification on {@code channel} soon; cheap and never blocks. */
    public void announce(String channel) {
        announce(channel, "", null);
    }

    /**
     * Asks for a notification on {@code channel} about {@code topic} soon, naming {@code key} (null:
     * everything about the topic). The keys raised for a topic since its last notification go out
     * together, {@code topic|key1,key2} (in several notifications when one cannot hold them all),
     * so a listener can tell whether the notification concerns what it waits for.
     */
    public void announce(String channel, String topic, String key) {
        raised.compute(new Topic(channel, topic), (name, keys) -> (keys == null ? new Keys() : keys).add(key));
        lock.lock();
        try {
            pending.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #announce(String, String, String)} for each of {@code keys} (null: everything about the
     * topic) once the current Spring transaction has committed, never if it rolls back; at once
     * outside a transaction.
     */
    public void announceAfterCommit(String channel, String topic, Collection<String> keys) {
        Runnable announcement = () -> {
            if (keys == null) {
                announce(channel, topic, null);
            } else {
                keys.forEach(key -> announce(channel, topic, key));
            }
        };
        afterCommit(announcement);
    }

    /**
     * Runs {@code action} once the current Spring transaction has committed, never if it rolls back;
     * at once outside a transaction.
     */
    static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** Where a notification goes and what it is about. */
    private record Topic(String channel, String topic) {
    }

    /**
     * The keys raised for one topic, sent in as many notifications as they need (a payload holds
     * at most {@link #PAYLOAD_BYTES}); "all of them" only for a key that cannot be named. Naming
     * every key matters under load: a notification for "any row" wakes every waiting request of
     * the model, and each reads its row again.
     */
    private static final class Keys {
        /** PostgreSQL refuses payloads of 8,000 bytes and more. */
        private static final int PAYLOAD_BYTES = 7_000;
        private static final int LONGEST_KEY = 200;
        private final Set<String> keys = new LinkedHashSet<>();
        private boolean all;

        Keys add(String key) {
            if (key == null || key.isEmpty() || key.contains(",") || key.contains("|") || key.length() > LONGEST_KEY) {
                all = true;
                keys.clear();
            } else if (!all) {
                keys.add(key);
            }
            return this;
        }

        List<String> payloads(String topic) {
            if (all || keys.isEmpty()) {
                return List.of(topic + "|*");
            }
            List<String> payloads = new ArrayList<>();
            StringBuilder payload = new StringBuilder(topic).append('|');
            int empty = payload.length();
            int emptyBytes = utf8Length(payload);
            int bytes = emptyBytes;
            for (String key : keys) {
                int keyBytes = utf8Length(key);
                if (payload.length() > empty && bytes + 1 + keyBytes > PAYLOAD_BYTES) {
                    payloads.add(payload.toString());
                    payload.setLength(empty);
                    bytes = emptyBytes;
                }
                if (payload.length() > empty) {
                    payload.append(',');
                    bytes++;
                }
                payload.append(key);
                bytes += keyBytes;
            }
            payloads.add(payload.toString());
            return payloads;
        }
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    void run() {
        boolean warned = false;
        while (running()) {
            try {
                awaitRaised();
            } catch (InterruptedException e) {
                break;
            }
            long started = System.nanoTime();
            // Taken one by one: a topic raised again after this is sent again next time.
            List<String> channels = new ArrayList<>();
            List<String> payloads = new ArrayList<>();
            for (Topic topic : raised.keySet()) {
                Keys keys = raised.remove(topic);
                if (keys != null) {
                    for (String payload : keys.payloads(topic.topic())) {
                        channels.add(topic.channel());
                        payloads.add(payload);
                    }
                }
            }
            try {
                send(channels, payloads);
                warned = false;
            } catch (SQLException | RuntimeException e) {
                closeConnection();
                if (running() && !warned) {
                    log.warn("Could not send a database notification ({}); readers fall back to polling", e.getMessage());
                    warned = true;
                }
            }
            long rest = minIntervalNanos - (System.nanoTime() - started);
            if (rest > 0) {
                LockSupport.parkNanos(rest);
            }
        }
        closeConnection();
    }

    /**
     * Sends a round's notifications in one statement, so in one transaction: one round trip and one
     * commit (which does not wait for a WAL flush) however many topics were raised. Each commit that
     * notifies takes PostgreSQL's notification-queue lock and signals every listening session.
     * They arrive in the order of the lists.
     */
    private void send(List<String> channels, List<String> payloads) throws SQLException {
        if (channels.isEmpty()) {
            return;
        }
        PreparedStatement notify = statement();
        notify.setArray(1, connection.createArrayOf("text", channels.toArray()));
        notify.setArray(2, connection.createArrayOf("text", payloads.toArray()));
        notify.execute();
    }

    /**
     * The statement on this sender's own connection, kept for as long as it works: taken from the
     * pool once, so that announcements do not queue behind requests when the pool is exhausted.
     */
    private PreparedStatement statement() throws SQLException {
        if (notify == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            // The round's commit records nothing anybody relies on, so it need not wait for the disk
            // (synchronous_commit off for this transaction only): the listeners hear it a WAL flush sooner.
            notify = connection.prepareStatement("""
                    SELECT count(pg_notify(sent.channel, sent.payload))
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS sent(channel, payload),
                         (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed""");
        }
        return notify;
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // it is broken already; the pool discards it
        }
        connection = null;
        notify = null;
    }

    private void awaitRaised() throws InterruptedException {
        lock.lock();
        try {
            while (raised.isEmpty()) {
                pending.await();
            }
        } finally {
            lock.unlock();
        }
    }
}
