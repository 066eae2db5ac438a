package io.ledgerline.command.config;

import io.ledgerline.domain.inventory.InventoryItem;
import io.ledgerline.domain.order.Order;
import io.ledgerline.domain.payment.Payment;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Registers the domain's aggregates (the domain carries no Spring stereotypes) and the command gateway. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    public ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(InventoryItem.class)
                .configureAggregate(Order.class)
                .configureAggregate(Payment.class);
    }

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         @Value("${ledgerline.commands.conflict-retries:4}") int retries) {
        ExponentialBackOffIntervalRetryScheduler backOff = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .maxRetryCount(retries)
                .backoffFactor(5)
                .build();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(backOff))
                .build();
    }
}
