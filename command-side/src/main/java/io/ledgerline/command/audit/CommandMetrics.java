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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every command's handling, tagged with the command type and its outcome
 * ({@code ledgerline.commands}: succeeded, rejected, not-found, conflict, failed).
 */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry meters;
    /** One timer per command type and outcome, registered once: a registry lookup per command costs more than the timing. */
    private final Map<Class<?>, Map<String, Timer>> timers = new ConcurrentHashMap<>();

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
            sample.stop(timer(unitOfWork.getMessage().getPayloadType(), outcome));
        }
    }

    private Timer timer(Class<?> command, String outcome) {
        return timers.computeIfAbsent(command, type -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, result -> Timer.builder("ledgerline.commands")
                        .description("command handling time and outcome")
                        .tag("command", command.getSimpleName())
                        .tag("outcome", result)
                        .publishPercentileHistogram()
                        .register(meters));
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
