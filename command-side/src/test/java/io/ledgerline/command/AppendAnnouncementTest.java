package io.ledgerline.command;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.domain.inventory.RegisterProduct;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.infrastructure.notification.Channels;
import io.ledgerline.infrastructure.notification.DatabaseNotifications;
import io.ledgerline.infrastructure.notification.Signal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * An append is announced to the readers (the fulfilment process, the projections) when it becomes
 * visible: for a command inside a larger transaction (an idempotent request, a saga's batch), when
 * that transaction commits, not when the command's own unit of work does. Announced earlier, the
 * readers look, find nothing and wait for their fallback poll.
 */
class AppendAnnouncementTest extends CommandSideTest {

    @Autowired
    DatabaseNotifications notifications;
    @Autowired
    CommandGateway commands;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCommandInsideALargerTransactionIsAnnouncedOnceThatCommits() {
        Signal appended = notifications.signal(Channels.EVENTS);
        await().atMost(Duration.ofSeconds(10)).until(appended::listening);
        AtomicLong heardInside = new AtomicLong();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            long before = appended.count();
            commands.sendAndWait(new RegisterProduct(new Sku("SKU-" + UUID.randomUUID().toString().substring(0, 8)),
                    "Announced", Money.of("1.00", "EUR")));
            // The command's unit of work has committed into this transaction; nobody can see its event yet.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> appended.count() == before);
            heardInside.set(appended.count());
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> appended.count() > heardInside.get());
    }
}
