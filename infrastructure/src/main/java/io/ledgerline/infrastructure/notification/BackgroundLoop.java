package io.ledgerline.infrastructure.notification;

import org.springframework.context.SmartLifecycle;

import java.util.concurrent.TimeUnit;

/**
 * A loop on a daemon thread of its own, started and stopped with the application context: early to
 * start and late to stop, so that everything that waits on it is started after it and stopped
 * before it. {@link #run()} returns once {@link #running()} turns false.
 */
abstract class BackgroundLoop implements SmartLifecycle {

    private final String threadName;
    private volatile Thread thread;
    private volatile boolean running;

    BackgroundLoop(String threadName) {
        this.threadName = threadName;
    }

    /** The loop; it checks {@link #running()} and must not swallow interrupts for long. */
    abstract void run();

    final boolean running() {
        return running;
    }

    @Override
    public final void start() {
        running = true;
        Thread started = new Thread(this::run, threadName);
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    @Override
    public final void stop() {
        running = false;
        Thread stopping = thread;
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
