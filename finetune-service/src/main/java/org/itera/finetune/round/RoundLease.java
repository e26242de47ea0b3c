package org.itera.finetune.round;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.store.Collections;
import org.itera.finetune.store.Lease;
import org.jboss.logging.Logger;

/**
 * This instance's hold on the round lease: only the instance that holds it starts or resumes
 * rounds, so two finetune-service instances never run the same round twice. {@link #hold} takes it
 * (or finds another instance has it) and renews it in the background every {@code renew-every}
 * until {@link #letGo}; an instance that dies stops renewing, and once its lease is {@code ttl} old
 * another instance takes it over ({@link RoundRecovery} then resumes the rounds left running).
 */
@ApplicationScoped
public class RoundLease {

    public static final String NAME = "finetune-rounds";
    private static final Logger LOG = Logger.getLogger(RoundLease.class);

    private final Lease lease;
    private final Duration ttl;
    private final Duration renewEvery;
    private final String holder;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "finetune-round-lease");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> renewal;
    private volatile boolean held;
    private volatile long renewedAt;
    private volatile Runnable onLost = () -> { };

    @Inject
    public RoundLease(Collections collections, FinetuneConfig config) {
        this(new Lease(collections.get(Collections.LEASES), NAME, Clock.systemUTC()), config.lease().ttl(),
                config.lease().renewEvery(), instanceId());
    }

    public RoundLease(Lease lease, Duration ttl, Duration renewEvery, String holder) {
        this.lease = lease;
        this.ttl = ttl;
        this.renewEvery = renewEvery;
        this.holder = holder;
    }

    /** Takes (or keeps) the lease and keeps renewing it; false when another instance holds it. */
    public synchronized boolean hold() {
        if (!lease.acquire(holder, ttl)) {
            held = false;
            stopRenewing();
            return false;
        }
        if (!held) {
            LOG.debugf("%s holds the round lease", holder);
        }
        held = true;
        renewedAt = System.nanoTime();
        if (renewal == null) {
            long every = renewEvery.toMillis();
            renewal = renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Stops renewing and frees the lease at once, so another instance may take it. */
    public synchronized void letGo() {
        stopRenewing();
        if (held) {
            held = false;
            lease.release(holder);
        }
    }

    /** Stops renewing without freeing: as if this instance died (the lease lapses after its ttl). */
    public synchronized void stopRenewing() {
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
    }

    /** What to do when the lease is lost while held: stop the rounds, which the new holder resumes. */
    public void onLost(Runnable action) {
        this.onLost = action;
    }

    public boolean held() {
        return held;
    }

    public String holder() {
        return holder;
    }

    /** Who holds the lease and until when, for a refusal's reason. */
    public String describe() {
        return lease.current().map(d -> d.getString("holder") + " until " + d.getDate("expiresAt").toInstant())
                .orElse("nobody");
    }

    /**
     * Renews the lease. Lost when another instance has it, or when no renewal succeeded for the ttl
     * (MongoDB out of reach: by now another instance may have taken it): then {@link #onLost} runs.
     */
    synchronized void renew() {
        String lost;
        try {
            if (lease.acquire(holder, ttl)) {
                renewedAt = System.nanoTime();
                return;
            }
            lost = "now " + describe();
        } catch (RuntimeException e) {
            if (System.nanoTime() - renewedAt < ttl.toNanos()) {
                LOG.warnf("renewing the round lease failed, trying again in %s: %s", renewEvery, e.getMessage());
                return;
            }
            lost = "not renewed for " + ttl + ": " + e.getMessage();
        }
        held = false;
        stopRenewing();
        LOG.errorf("%s lost the round lease (%s): its rounds stop here, the next holder resumes them", holder, lost);
        onLost.run();
    }

    void stop(@Observes ShutdownEvent event) {
        letGo();
        renewer.shutdownNow();
    }

    private static String instanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
