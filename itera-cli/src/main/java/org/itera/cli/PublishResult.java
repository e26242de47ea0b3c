package org.itera.cli;

/** How a run of sends ended: tasks acknowledged, tasks not, and the first error seen (or null). */
public record PublishResult(int sent, int failed, String firstError) {

    public boolean allSent() {
        return failed == 0;
    }
}
