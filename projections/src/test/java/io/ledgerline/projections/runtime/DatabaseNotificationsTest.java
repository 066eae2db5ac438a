package io.ledgerline.projections.runtime;

import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.NotificationSender;
import io.ledgerline.infrastructure.notification.Signal;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
