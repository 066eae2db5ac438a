package io.ledgerline.command.idempotency;

import io.ledgerline.command.web.CommandProblem;
import io.ledgerline.domain.payment.AuthorizationOutcome;
import io.ledgerline.domain.payment.AuthorizePayment;
import io.ledgerline.domain.payment.PaymentAuthorized;
import io.ledgerline.domain.payment.PaymentDeclined;
import io.ledgerline.domain.payment.PaymentStatus;
import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.web.ProblemType;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a command sent under an idempotency key at most once, even when the key's stored response
 * is gone: before the handler runs, it looks for events its target aggregate already holds from
 * this caller under this key (they carry the key and the request's fingerprint,
 * {@link AuditMetadata#IDEMPOTENCY_FINGERPRINT}). If there are any, the command ran before and its
 * result is rebuilt from them instead; if they came from a different request, the key was reused
 * (422). It runs where the command is handled, on the command bus, so it holds in both modes: in
 * the JDBC mode the key and the events commit together and it finds nothing; with Axon Server it
 * covers a crash between the append and the key's commit.
 * <p>
 * It reads the target's events from the start (not from a snapshot, whose events carry no keys),
 * once per keyed command. Events older than the keys' retention do not count, so a key counts as
 * new after it, as a stored key does.
 */
public class IdempotentReplay implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentReplay.class);

    private final Supplier<EventStore> events;
    private final Duration retention;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    /** @param retention how long a key is kept ({@code ledgerline.idempotency.retention}); older events do not count */
    public IdempotentReplay(Supplier<EventStore> events, Duration retention) {
        this.events = events;
        this.retention = retention;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        MetaData metadata = command.getMetaData();
        Object key = metadata.get(AuditMetadata.IDEMPOTENCY_KEY);
        Object fingerprint = metadata.get(AuditMetadata.IDEMPOTENCY_FINGERPRINT);
        if (key == null || fingerprint == null) {
            return chain.proceed();
        }
        String aggregateId = targets.resolveTarget(command).getIdentifier();
        List<DomainEventMessage<?>> earlier = earlierAttempt(aggregateId, key, metadata.get(AuditMetadata.PRINCIPAL));
        if (earlier.isEmpty()) {
            return chain.proceed();
        }
        if (!fingerprint.equals(earlier.get(0).getMetaData().get(AuditMetadata.IDEMPOTENCY_FINGERPRINT))) {
            throw new CommandProblem.Refusal(new CommandProblem(ProblemType.IDEMPOTENCY_KEY_REUSED.uri().toString(),
                    HttpStatus.UNPROCESSABLE_ENTITY.value(), null,
                    "This Idempotency-Key was used for a different request; use a new key for a new operation", Map.of()));
        }
        log.info("{} under idempotency key {} ran before (events {} to {} of {}); answering from them",
                command.getPayloadType().getSimpleName(), key, earlier.get(0).getSequenceNumber(),
                earlier.get(earlier.size() - 1).getSequenceNumber(), aggregateId);
        return result(command.getPayload(), earlier);
    }

    /** The events of the aggregate appended for a request from this caller under this key. */
    private List<DomainEventMessage<?>> earlierAttempt(String aggregateId, Object key, Object principal) {
        List<DomainEventMessage<?>> found = new ArrayList<>();
        Instant keptSince = Instant.now().minus(retention);
        DomainEventStream stream = events.get().readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            MetaData metadata = event.getMetaData();
            if (key.equals(metadata.get(AuditMetadata.IDEMPOTENCY_KEY))
                    && Objects.equals(principal, metadata.get(AuditMetadata.PRINCIPAL))
                    && metadata.get(AuditMetadata.IDEMPOTENCY_FINGERPRINT) != null
                    && event.getTimestamp().isAfter(keptSince)) {
                found.add(event);
            }
        }
        return found;
    }

    /** What the command's handler returned the first time, from the events it appended. */
    static Object result(Object command, List<DomainEventMessage<?>> appended) {
        DomainEventMessage<?> last = appended.get(appended.size() - 1);
        if (command instanceof AuthorizePayment authorize) {
            if (last.getPayload() instanceof PaymentDeclined declined) {
                return new AuthorizationOutcome(authorize.paymentId(), PaymentStatus.DECLINED, declined.reason(),
                        last.getSequenceNumber());
            }
            if (last.getPayload() instanceof PaymentAuthorized) {
                return new AuthorizationOutcome(authorize.paymentId(), PaymentStatus.AUTHORIZED, null,
                        last.getSequenceNumber());
            }
        }
        if (appended.get(0).getSequenceNumber() == 0) {
            return last.getAggregateIdentifier(); // a creating handler answers with the new aggregate's id
        }
        return last.getSequenceNumber(); // every other handler answers with the version it reached
    }
}
