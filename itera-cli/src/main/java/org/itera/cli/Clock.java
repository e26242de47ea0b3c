package org.itera.cli;

/** Time for the commands that wait (the run watcher, the round driver), so tests need not wait. */
public interface Clock {

    /** The system's monotonic clock and {@link Thread#sleep}. */
    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.nanoTime() / 1_000_000;
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };

    long millis();

    void sleep(long millis) throws InterruptedException;
}
