package io.ledgerline.bench.load;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The automatic order: one client places orders with a payment-method token, one at a time, and
 * reads each back with {@code ?minVersion=1} until the query side shows it CONFIRMED. The time
 * from the command's answer to that read covers the fulfilment process's three hops (reserve the
 * stock, authorize the payment, confirm the order), each an event read by the command side's
 * processor and a command it sends, and then the projection of the confirmation.
 */
public final class Fulfilment {

    private static final int MAX_WAITS = 5;

    private Fulfilment() {
    }

    /** {@code notConfirmed}: orders that were cancelled, or not shown CONFIRMED within about 10 s. */
    public record Result(int orders, long failedCommands, long notConfirmed, Latencies.Summary confirmedAfter) {
    }

    public static Result run(Workload workload, Http client, String queryUrl, int orders) {
        Random random = ThreadLocalRandom.current();
        Latencies confirmed = new Latencies();
        long failed = 0;
        long notConfirmed = 0;
        for (int i = 0; i < orders; i++) {
            Workload.Outcome outcome = workload.send(client, workload.placeAutomaticOrder(random));
            long answered = System.nanoTime();
            if (!outcome.ok()) {
                failed++;
                continue;
            }
            String url = queryUrl + "/api/orders/" + outcome.aggregateId() + "?minVersion=1";
            boolean seen = false;
            for (int attempt = 0; attempt < MAX_WAITS && !seen; attempt++) {
                Http.Response read = client.get(url);
                if (read.ok()) {
                    seen = true;
                    if ("CONFIRMED".equals(Workload.field(read.body(), "status"))) {
                        confirmed.add(System.nanoTime() - answered);
                    } else {
                        notConfirmed++;
                    }
                }
            }
            if (!seen) {
                notConfirmed++;
            }
        }
        return new Result(orders, failed, notConfirmed, confirmed.summary());
    }
}
