package org.itera.cli;

/**
 * {@code GET /runs/{id}} answers shaped like filter-service's, for one subject (pubmedqa, roles
 * analyst and solver): every right train trajectory adds one library entry per role; the analyst is
 * the repaired role.
 */
final class RunTestData {

    long trainOk;
    long trainBad;
    long testOk;
    long testBad;
    long repaired;
    long rescued;
    long exhausted;
    long waiting;
    long failedToRun;
    Boolean paused;

    static RunTestData run() {
        return new RunTestData();
    }

    RunTestData train(long ok, long bad) {
        trainOk = ok;
        trainBad = bad;
        return this;
    }

    RunTestData test(long ok, long bad) {
        testOk = ok;
        testBad = bad;
        return this;
    }

    RunTestData repairs(long made, long rescuedOnes, long exhaustedOnes, long waitingTasks) {
        repaired = made;
        rescued = rescuedOnes;
        exhausted = exhaustedOnes;
        waiting = waitingTasks;
        return this;
    }

    RunTestData failedToRun(long n) {
        failedToRun = n;
        return this;
    }

    RunTestData paused(boolean isPaused) {
        paused = isPaused;
        return this;
    }

    String json() {
        long first = trainOk + trainBad + testOk + testBad;
        long trainSuccess = trainOk + rescued;
        long trainFailure = trainBad + repaired - rescued;
        long perRole = trainOk + rescued;
        String loop = paused == null ? "{\"reachable\":false}" : "{\"paused\":" + paused + "}";
        return """
                {"run":"run-test",
                 "tasks":{"graded":%d,"rightFirstAttempt":%d,"right":%d,"rescued":%d,"waitingForRepair":%d,
                  "exhausted":%d,"failuresSentToRepair":%d,"deadLettered":%d,"repairDeadLettered":0},
                 "trajectories":{"total":%d,
                  "bySubject":{"pubmedqa":{"success":%d,"failure":%d}},
                  "byOrigin":{"generated":%d,"regenerated":%d},
                  "bySplit":{"train":%d,"test":%d},
                  "bySubjectSplit":{"pubmedqa":{"train":{"success":%d,"failure":%d},"test":{"success":%d,"failure":%d}}},
                  "firstAttemptsBySplit":{"train":{"success":%d,"failure":%d},"test":{"success":%d,"failure":%d}}},
                 "experience":{"total":%d,"bySubject":{"pubmedqa":%d},
                  "byRole":{"pubmedqa":{"analyst":%d,"solver":%d}},
                  "byOrigin":{"generated":%d,"regenerated":%d}},
                 "repairs":{"total":{"repaired":%d,"rescued":%d,"exhausted":%d},
                  "bySubject":{"pubmedqa":{"analyst":{"repaired":%d,"rescued":%d,"exhausted":%d}}}},
                 "settings":{},
                 "deadLetters":{"total":%d,"byTopic":{"tasks-dlq":%d},"tasksBySubject":{"pubmedqa":%d},"latest":[]},
                 "repairLoop":%s}
                """.formatted(first, trainOk + testOk, trainOk + testOk + rescued, rescued, waiting,
                exhausted, trainBad + repaired - rescued - exhausted, failedToRun,
                first + repaired, trainSuccess + testOk, trainFailure + testBad, first, repaired,
                trainOk + trainBad + repaired, testOk + testBad,
                trainSuccess, trainFailure, testOk, testBad, trainOk, trainBad, testOk, testBad,
                2 * perRole, 2 * perRole, perRole, perRole, 2 * trainOk, 2 * rescued,
                repaired, rescued, exhausted, repaired, rescued, exhausted,
                failedToRun, failedToRun, failedToRun, loop);
    }

    /** {@code /library/stats} with {@code perRole} entries per role in the library as a whole. */
    static String library(long perRole) {
        return """
                {"experience":{"total":%d,"byRole":{"pubmedqa":{"analyst":%d,"solver":%d}}}}
                """.formatted(2 * perRole, perRole, perRole);
    }
}
