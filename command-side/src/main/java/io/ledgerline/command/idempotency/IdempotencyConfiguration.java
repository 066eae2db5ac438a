package io.ledgerline.command.idempotency;

import io.github.bucket4j.TimeMeter;
import io.ledgerline.command.web.RateLimitFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Installs the rate limit and the idempotency filter after authentication, the replay of keyed
 * commands that ran before, and purges keys past their retention.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IdempotencyConfiguration {

    /** The endpoints that refuse a request without an Idempotency-Key: creating orders and moving money. */
    public static final List<String> REQUIRED = List.of("/api/orders", "/api/payments", "/api/payments/*/capture",
            "/api/payments/*/refund");

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    private final IdempotencyStore store;
    private final Duration retention;

    IdempotencyConfiguration(IdempotencyStore store,
                             @Value("${ledgerline.idempotency.retention:PT24H}") Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            PlatformTransactionManager transactionManager, MeterRegistry meters,
            @Value("${ledgerline.idempotency.wait:PT10S}") Duration wait) {
        Counter replays = Counter.builder("ledgerline.idempotency.replays")
                .description("requests answered with the stored response of an earlier request with the same key")
                .register(meters);
        IdempotencyFilter filter = new IdempotencyFilter(store, new TransactionTemplate(transactionManager), wait, REQUIRED,
                replays);
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        // After Spring Security: a key belongs to an authenticated caller, and a refused login is never stored.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    public RetriedCommands retriedCommands() {
        return new RetriedCommands();
    }

    /**
     * Answers a keyed command that ran before from its events, where it is handled (both modes).
     * With {@code ledgerline.idempotency.recover-from-events=retries} (the JDBC mode's default) it
     * looks only at commands retried after a write conflict, the one case there where key and events
     * commit apart; with {@code always} (Axon Server mode) at every keyed command.
     */
    @Bean
    public IdempotentReplay idempotentReplay(ObjectProvider<EventStore> eventStore, RetriedCommands retried,
            @Value("${ledgerline.idempotency.recover-from-events:retries}") String recover) {
        boolean always = switch (recover) {
            case "always" -> true;
            case "retries" -> false;
            default -> throw new IllegalArgumentException(
                    "ledgerline.idempotency.recover-from-events must be 'always' or 'retries', not '" + recover + "'");
        };
        return new IdempotentReplay(eventStore::getObject, retention,
                command -> always || retried.isRetry(command));
    }

    /** Per-caller command rate limit, after authentication and before any work is done. */
    @Bean
    public FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            @Value("${ledgerline.rate-limit.commands-per-second:50}") long perSecond,
            @Value("${ledgerline.rate-limit.burst:100}") long burst, ObjectProvider<TimeMeter> clock) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(perSecond, burst, clock.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS)));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }

    @Scheduled(fixedDelayString = "${ledgerline.idempotency.purge-interval:PT5M}", initialDelayString = "PT1M")
    void purgeExpiredKeys() {
        int purged = store.purgeOlderThan(retention);
        if (purged > 0) {
            log.info("Purged {} idempotency keys older than {}", purged, retention);
        }
    }
}
