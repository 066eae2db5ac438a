package io.ledgerline.command.payment;

import io.ledgerline.domain.payment.PaymentGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulator is the provider unless a real adapter is defined as a {@link PaymentGateway} bean. */
@Configuration(proxyBeanMethods = false)
public class PaymentGatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean(PaymentGateway.class)
    public PaymentGateway simulatedPaymentGateway() {
        return new SimulatedPaymentGateway();
    }
}
