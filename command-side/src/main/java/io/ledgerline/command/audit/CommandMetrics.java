package io.ledgerline.command.audit;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Times every command's handling, tagged with the command type and its outcome
 * ({@code ledgerline.commands}: succeeded, rejected, not-found, conflict, failed).
 */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry meters;

    public CommandMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "succeeded";
        try {
            return chain.proceed();
        } catch (Exception e) {
            outcome = outcome(e);
            throw e;
        } finally {
            sample.stop(Timer.builder("ledgerline.commands")
                    .description("command handling time and outcome")
                    .tag("command", unitOfWork.getMessage().getPayloadType().getSimpleName())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    private static String outcome(Exception e) {
        if (e instanceof BusinessRuleViolation) {
            return "rejected";
        }
        if (e instanceof AggregateNotFoundException) {
            return "not-found";
        }
        if (e instanceof ConcurrencyException || e instanceof ConflictingAggregateVersionException) {
            return "conflict";
        }
        return "failed";
    }
}
