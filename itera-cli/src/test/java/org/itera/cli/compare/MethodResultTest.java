package org.itera.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.itera.core.setting.Wilson;
import org.junit.jupiter.api.Test;

class MethodResultTest {

    @Test
    void nCorrectAccuracyAndTheWilsonIntervalFollowFromTheOutcomes() {
        MethodResult sirius = Outcomes.sirius();

        assertThat(sirius.n()).isEqualTo(40);
        assertThat(sirius.correct()).isEqualTo(29);
        assertThat(sirius.accuracy()).isEqualTo(0.725);
        assertThat(sirius.interval().low()).isCloseTo(0.5717, within(0.0005));
        assertThat(sirius.interval().high()).isCloseTo(0.8389, within(0.0005));
    }

    @Test
    void theEdgesKeepTheIntervalInsideZeroAndOne() {
        MethodResult none = Outcomes.result("team", 0, 10);
        MethodResult all = Outcomes.result("star", 10, 10);

        assertThat(none.accuracy()).isZero();
        assertThat(none.interval().low()).isZero();
        assertThat(none.interval().high()).isCloseTo(0.2775, within(0.0005));
        assertThat(all.accuracy()).isEqualTo(1.0);
        assertThat(all.interval().low()).isCloseTo(0.7225, within(0.0005));
        assertThat(all.interval().high()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void withoutTasksTheAccuracyIsZeroAndTheIntervalEverything() {
        MethodResult empty = new MethodResult("team", null, Map.of());

        assertThat(empty.n()).isZero();
        assertThat(empty.accuracy()).isZero();
        assertThat(empty.interval()).isEqualTo(new Wilson(0, 1));
        assertThat(empty.label()).isEmpty();
    }

    @Test
    void theOutcomesAreACopyAndAMethodIdAndEveryOutcomeAreRequired() {
        Map<String, Boolean> outcomes = new HashMap<>(Outcomes.of("10"));
        MethodResult result = new MethodResult("single", "one agent", outcomes);
        outcomes.put("t2", true);

        assertThat(result.n()).isEqualTo(2);
        assertThatThrownBy(() -> new MethodResult(" ", "x", Map.of())).isInstanceOf(IllegalArgumentException.class);
        Map<String, Boolean> unknown = new HashMap<>();
        unknown.put("t0", null);
        assertThatThrownBy(() -> new MethodResult("single", "x", unknown)).isInstanceOf(NullPointerException.class);
    }
}
