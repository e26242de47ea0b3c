package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

    private static final String TEXT = """
            # HELP itera_tasks_failed_total
            # TYPE itera_tasks_failed_total counter
            itera_tasks_failed_total{subject="pubmedqa"} 3.0
            itera_tasks_failed_total{subject="gsm8k"} 1.0
            itera_tasks_rejected_total{source="topic"} 2.0
            itera_tasks_in_flight 4.0
            odd_label{note="a \\"quoted\\", comma",x="y"} 1.5 1700000000000
            broken{unterminated="x 1.0
            not_a_number abc
            """;

    @Test
    void readsCountersWithAndWithoutLabels() {
        RunMetrics metrics = RunMetrics.parse(TEXT);

        assertThat(metrics.sum("itera_tasks_failed_total")).isEqualTo(4.0);
        assertThat(metrics.sum("itera_tasks_failed_total", l -> "gsm8k".equals(l.get("subject")))).isEqualTo(1.0);
        assertThat(metrics.sum("itera_tasks_rejected_total")).isEqualTo(2.0);
        assertThat(metrics.sum("itera_tasks_in_flight")).isEqualTo(4.0);
        assertThat(metrics.sum("missing_total")).isZero();
    }

    @Test
    void readsEscapedLabelValuesAndSkipsBrokenLines() {
        RunMetrics metrics = RunMetrics.parse(TEXT);

        assertThat(metrics.samples()).extracting(RunMetrics.Sample::name)
                .doesNotContain("broken", "not_a_number");
        RunMetrics.Sample odd = metrics.samples().stream().filter(s -> s.name().equals("odd_label")).findFirst()
                .orElseThrow();
        assertThat(odd.labels()).isEqualTo(Map.of("note", "a \"quoted\", comma", "x", "y"));
        assertThat(odd.value()).isEqualTo(1.5);
    }

    @Test
    void increaseIsCountedPerSeriesAndSurvivesAReset() {
        RunMetrics before = RunMetrics.parse("""
                c_total{subject="a"} 5.0
                c_total{subject="b"} 7.0
                """);
        RunMetrics now = RunMetrics.parse("""
                c_total{subject="a"} 8.0
                c_total{subject="b"} 2.0
                c_total{subject="c"} 1.0
                """);

        // a: +3; b went down (restart): its 2 count; c is new: +1
        assertThat(now.increaseSince(before, "c_total")).isEqualTo(6.0);
        assertThat(now.increaseBy(before, "c_total", "subject")).containsExactly(
                Map.entry("a", 3.0), Map.entry("b", 2.0), Map.entry("c", 1.0));
    }

    @Test
    void emptyOrBlankTextHasNoSamples() {
        assertThat(RunMetrics.parse(null).samples()).isEmpty();
        assertThat(RunMetrics.parse("  \n").sum("x")).isZero();
    }
}
