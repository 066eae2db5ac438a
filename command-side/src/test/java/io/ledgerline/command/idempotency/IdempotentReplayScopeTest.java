package io.ledgerline.command.idempotency;

import io.ledgerline.domain.payment.CapturePayment;
import io.ledgerline.domain.payment.PaymentId;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.infrastructure.audit.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Where the JDBC mode's key commits with the events, only conflict retries look in the events first. */
class IdempotentReplayScopeTest {

    private final EventStore store = mock(EventStore.class);
    private final AtomicInteger reads = new AtomicInteger();
    private final RetriedCommands retried = new RetriedCommands();
    private final IdempotentReplay retriesOnly = new IdempotentReplay(this::countedStore, Duration.ofHours(24),
            retried::isRetry);

    @Test
    void aKeyedCommandSentForTheFirstTimeRunsWithoutReadingTheTargetsEvents() throws Exception {
        CommandMessage<?> capture = keyedCapture();

        assertThat(handle(capture)).isEqualTo("ran");
        assertThat(reads).hasValue(0);
    }

    @Test
    void aCommandRetriedAfterAWriteConflictLooksForAnEarlierRunFirst() throws Exception {
        CommandMessage<?> capture = keyedCapture();
        when(store.readEvents(anyString(), anyLong())).thenReturn(DomainEventStream.empty());
        retried.mark(capture);

        assertThat(handle(capture)).isEqualTo("ran");
        assertThat(reads).hasValue(1);
    }

    private Object handle(CommandMessage<?> command) throws Exception {
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        try {
            return retriesOnly.handle(unitOfWork, () -> "ran");
        } finally {
            unitOfWork.rollback();
        }
    }

    private EventStore countedStore() {
        reads.incrementAndGet();
        return store;
    }

    private static CommandMessage<?> keyedCapture() {
        return GenericCommandMessage.asCommandMessage(new CapturePayment(new PaymentId("p-scope"), new Money(100, "EUR")))
                .andMetaData(MetaData.from(Map.of(AuditMetadata.IDEMPOTENCY_KEY, "key-1",
                        AuditMetadata.IDEMPOTENCY_FINGERPRINT, "f".repeat(64), AuditMetadata.PRINCIPAL, "c-1")));
    }
}
