package io.ledgerline.infrastructure.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/** The notification listener and sender every app has (docs/operations.md, "How fast events reach readers"). */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    @Bean
    public DatabaseNotifications databaseNotifications(DataSource dataSource,
            @Value("${ledgerline.notifications.keep-alive:PT30S}") Duration keepAlive,
            @Value("${ledgerline.notifications.reconnect-delay:PT1S}") Duration reconnectDelay) {
        return new DatabaseNotifications(dataSource, keepAlive, reconnectDelay);
    }

    @Bean
    public NotificationSender notificationSender(DataSource dataSource,
            @Value("${ledgerline.notifications.min-interval:PT0.002S}") Duration minInterval) {
        return new NotificationSender(dataSource, minInterval);
    }
}
