package org.itera.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunIdsTest {

    @Test
    void newIdsAreStampedValidAndDistinct() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T12:15:00Z"), ZoneOffset.UTC);

        String id = RunIds.next(clock);

        assertThat(id).matches("run-20261206-121500-[0-9a-f]{4}");
        assertThat(RunIds.problem(id)).isEmpty();
    }

    @Test
    void idsThatAreNotSafeInAPathOrFileNameAreRefusedWithTheReason() {
        assertThat(RunIds.problem(null)).isEmpty();
        assertThat(RunIds.problem("round-3.eval:a_b")).isEmpty();
        assertThat(RunIds.problem("")).hasValueSatisfying(p -> assertThat(p).contains("run id ''"));
        assertThat(RunIds.problem("-x")).isPresent();
        assertThat(RunIds.problem("a/b")).isPresent();
        assertThat(RunIds.problem("a b")).isPresent();
        assertThat(RunIds.problem("a".repeat(128))).isEmpty();
        assertThat(RunIds.problem("a".repeat(129))).hasValueSatisfying(p -> assertThat(p).contains("..."));
    }
}
