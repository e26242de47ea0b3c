package org.itera.filter.messaging;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Files trajectories of different tasks at once and those of one task one after another: a fixed
 * set of locks, one chosen by the task id's hash. Two copies of one trajectory (a redelivery racing
 * the original) are so never filed at the same time, and the second finds the first published.
 */
final class TaskLocks {

    private final ReentrantLock[] locks;

    TaskLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    void run(String taskId, Runnable work) {
        ReentrantLock lock = locks[Math.floorMod(taskId.hashCode(), locks.length)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
