package org.itera.llm.shots;

/**
 * When a library entry is of the task being solved, so never its demonstration: when the two task
 * ids have the same {@link #key key}, the part after their last {@code /} or {@code :}. A variant
 * team may run a library's tasks under ids of its own, its subject in front
 * ({@code arithmetic-shots/arith-7} or {@code arithmetic-shots:arith-7} is the library's
 * {@code arith-7}, as is {@code arithmetic/arith-7}), so the full ids cannot be compared. Two
 * different tasks of one library whose ids end alike are then each kept from the other's calls
 * too: the rule errs towards a demonstration fewer, never towards a task seeing its own answer.
 */
final class SameTask {

    private SameTask() {
    }

    /** The part of a task id that names the task in any team's runs: after its last {@code /} or {@code :}. */
    static String key(String taskId) {
        return taskId.substring(Math.max(taskId.lastIndexOf('/'), taskId.lastIndexOf(':')) + 1);
    }
}
