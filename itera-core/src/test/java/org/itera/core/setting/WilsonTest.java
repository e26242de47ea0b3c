package org.itera.core.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void matchesTheWilsonScoreInterval() {
        Wilson ci = Wilson.of(81, 100);
        assertThat(ci.low()).isCloseTo(0.7222, within(0.0005));
        assertThat(ci.high()).isCloseTo(0.8749, within(0.0005));
        Wilson asymmetric = Wilson.of(29, 40);
        assertThat(asymmetric.low()).isCloseTo(0.5717, within(0.0005));
        assertThat(asymmetric.high()).isCloseTo(0.8389, within(0.0005));
    }

    @Test
    void staysInsideZeroAndOneAtTheEdges() {
        assertThat(Wilson.of(0, 10).low()).isZero();
        assertThat(Wilson.of(0, 10).high()).isCloseTo(0.2775, within(0.0005));
        assertThat(Wilson.of(10, 10).low()).isCloseTo(0.7225, within(0.0005));
        assertThat(Wilson.of(10, 10).high()).isCloseTo(1.0, within(1e-9));
        assertThat(Wilson.of(0, 0)).isEqualTo(new Wilson(0, 1));
    }
}
