package io.seedreset.server;

import io.seedreset.platform.delivery.Outbox;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outboxes' deliverers ({@code MailDelivery}, {@code FeedbackDelivery}) every
 * {@link #EVERY} on one background thread, as {@code seedreset serve} does, until closed. A run that
 * fails (the database away) is logged and tried again at the next tick.
 */
public final class Deliveries implements AutoCloseable {

    /** How often each deliverer looks for due items. */
    public static final Duration EVERY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "seedreset-deliveries");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts running each deliverer, by the name its log lines give it. */
    public Deliveries(Map<String, Callable<Outbox.Run>> deliverers) {
        deliverers.forEach((name, deliverer) -> executor.scheduleWithFixedDelay(() -> {
            try {
                Outbox.Run run = deliverer.call();
                if (run.retrying() + run.failed() > 0) {
                    LOG.warn("{}: {} sent, {} failed and will be retried, {} given up after their last attempt", name, run.sent(),
                            run.retrying(), run.failed());
                }
            } catch (Exception e) {
                LOG.warn("{}: delivery did not run, tried again in {} s: {}", name, EVERY.toSeconds(), e.getMessage());
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Stops, letting a run under way finish its item. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
