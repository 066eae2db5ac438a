package io.ledgerline.infrastructure.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's units of work run in Spring's transactions. Declared rather than left to Axon's
 * auto-configuration, which on Spring Boot 4 can be evaluated before Spring's transaction manager
 * exists and then runs without transactions. The command side has its own (savepoints).
 */
@Configuration(proxyBeanMethods = false)
public class SpringTransactions {

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }
}
