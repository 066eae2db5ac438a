package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.Signal;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Announcements reach the listeners on real PostgreSQL, and a lost listening connection makes readers look. */
class DatabaseNotificationsTest {

    private ReadModelDatabase database;
    private DatabaseNotifications notifications;
    private NotificationSender sender;

    @BeforeEach
    void start() {
        database = ReadModelDatabase.migrated();
        notifications = new DatabaseNotifications(database.dataSource(), Duration.ofSeconds(30), Duration.ofMillis(100));
        sender = new NotificationSender(database.dataSource(), Duration.ofMillis(2));
        notifications.start();
        sender.start();
    }

    @AfterEach
    void stop() {
        sender.stop();
        notifications.stop();
        database.close();
    }

    @Test
    void anAnnouncementFiresTheSignalOfItsChannelOnly() {
        Signal events = notifications.signal(Channels.EVENTS);
        Signal readModels = notifications.signal(Channels.READ_MODELS);
        AtomicInteger callbacks = new AtomicInteger();
        events.onFire(callbacks::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.listening() && readModels.listening());
        long eventsBefore = events.count();
        long readModelsBefore = readModels.count();
        int callbacksBefore = callbacks.get();

        sender.announce(Channels.EVENTS);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.count() > eventsBefore);
        assertThat(callbacks.get()).isGreaterThan(callbacksBefore);
        assertThat(readModels.count()).isEqualTo(readModelsBefore);
    }

    @Test
    void manyAnnouncementsInABurstAreSentAsFewNotifications() {
        Signal events = notifications.signal(Channels.EVENTS);
        await().atMost(Duration.ofSeconds(10)).until(events::listening);
        long before = events.count();

        for (int i = 0; i < 1000; i++) {
            sender.announce(Channels.EVENTS);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> events.count() > before);
        assertThat(events.count() - before).isLessThan(1000);
    }

    /**
     * However many rows a burst of batches wrote, each is named (in as many notifications as
     * needed), so that a request waiting for one row is not woken for all the others.
     */
    @Test
    void everyKeyOfABurstIsNamedNoneIsLeftOutAndNoneSaysAny() {
        Signal readModels = notifications.signal(Channels.READ_MODELS);
        List<String> payloads = new CopyOnWriteArrayList<>();
        readModels.onPayload(payload -> {
            if (payload != null) { // null: "look, something may have been missed"
                payloads.add(payload);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(readModels::listening);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            String key = UUID.randomUUID() + (i % 7 == 0 ? "-é" : "");
            keys.add(key);
            sender.announce(Channels.READ_MODELS, "rows:orders", key);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> named(payloads).containsAll(keys));
        assertThat(payloads).noneMatch(payload -> payload.endsWith("|*")).hasSizeGreaterThan(1)
                .allMatch(payload -> payload.getBytes(StandardCharsets.UTF_8).length < 8000)
                .allMatch(payload -> payload.startsWith("rows:orders|"));
    }

    private static Set<String> named(List<String> payloads) {
        Set<String> named = new HashSet<>();
        for (String payload : payloads) {
            named.addAll(List.of(payload.substring(payload.indexOf('|') + 1).split(",")));
        }
        return named;
    }

    @Test
    void whenTheListeningConnectionIsLostReadersAreToldToLookAndListeningResumes() {
        Signal events = notifications.signal(Channels.EVENTS);
        await().atMost(Duration.ofSeconds(10)).until(events::listening);
        long before = events.count();

        database.jdbc().sql("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'
                """).query().listOfRows();

        await().atMost(Duration.ofSeconds(10)).until(() -> events.count() > before);
        await().atMost(Duration.ofSeconds(10)).until(events::listening);
        long resumed = events.count();
        sender.announce(Channels.EVENTS);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.count() > resumed);
    }
}
