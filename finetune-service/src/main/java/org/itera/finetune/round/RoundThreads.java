package org.itera.finetune.round;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads rounds and their agents' jobs run on. {@link #interruptAll} interrupts every one of
 * them, as a shutdown does (the round stays {@code running}, for whoever holds the lease next), and
 * leaves fresh threads for later rounds: what this instance does when it lost the round lease.
 */
final class RoundThreads implements Executor {

    private volatile ExecutorService pool = newPool();

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    void interruptAll() {
        ExecutorService old = pool;
        pool = newPool();
        old.shutdownNow();
    }

    void shutdown() {
        pool.shutdownNow();
    }

    private static ExecutorService newPool() {
        return Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "finetune-round");
            thread.setDaemon(true);
            return thread;
        });
    }
}
