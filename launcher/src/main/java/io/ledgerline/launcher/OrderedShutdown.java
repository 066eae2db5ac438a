package io.ledgerline.launcher;

import io.ledgerline.postgres.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the local run in one order when it is told to (Ctrl+C, SIGTERM, SIGHUP): each app stops
 * taking requests, finishes those in flight, stops its processors and releases their segments,
 * closes its pool; then PostgreSQL stops. JVM shutdown hooks would run all of that at once (the
 * embedded server registers its own), and the apps would drain against a database already gone.
 */
final class OrderedShutdown {

    private static final Logger log = LoggerFactory.getLogger(OrderedShutdown.class);

    private final LocalSystem system;
    private final PostgresServer postgres;
    private final AtomicBoolean started = new AtomicBoolean();

    private OrderedShutdown(LocalSystem system, PostgresServer postgres) {
        this.system = system;
        this.postgres = postgres;
    }

    /** Takes over the stop signals; {@code postgres} may be null when somebody else runs the database. */
    static void onSignals(LocalSystem system, PostgresServer postgres) {
        OrderedShutdown shutdown = new OrderedShutdown(system, postgres);
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            // The JDK runs a handler on a daemon thread, which would not keep the JVM alive until the
            // database has stopped once the apps' own threads are gone.
            Signal.handle(new Signal(name), signal -> {
                Thread stopping = new Thread(() -> shutdown.stop(128 + signal.getNumber()), "ledgerline-shutdown");
                stopping.setDaemon(false);
                stopping.start();
            });
        }
    }

    private void stop(int exitCode) {
        if (!started.compareAndSet(false, true)) {
            return; // a second Ctrl+C while stopping: the first one is already at work
        }
        long begin = System.nanoTime();
        log.info("Stopping: apps first, then the database");
        system.close();
        if (postgres != null) {
            postgres.close();
        }
        log.info("Stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
        System.exit(exitCode);
    }
}
