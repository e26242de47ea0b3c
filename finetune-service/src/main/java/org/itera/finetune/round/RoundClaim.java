package org.itera.finetune.round;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to run rounds: free in this instance (one round at a time) and the round lease held
 * (one instance at a time). Claimed before a round opens, freed when the runner's work ends.
 */
final class RoundClaim {

    private final AtomicBoolean running = new AtomicBoolean();
    private final RoundLease lease;

    RoundClaim(RoundLease lease) {
        this.lease = lease;
    }

    /** @throws RoundRunningException when a round runs here, or another instance holds the lease */
    void claim() {
        if (!running.compareAndSet(false, true)) {
            throw new RoundRunningException("a round is running");
        }
        boolean held;
        try {
            held = lease.hold();
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        if (!held) {
            running.set(false);
            throw new RoundRunningException("another finetune-service instance runs the rounds (the round lease is "
                    + lease.describe() + ")");
        }
    }

    void free() {
        try {
            lease.letGo();
        } finally {
            running.set(false);
        }
    }

    boolean isClaimed() {
        return running.get();
    }
}
