package org.itera.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.itera.cli.round.PairedComparison;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static List<String> methods(Comparison comparison) {
        return comparison.rows().stream().map(r -> r.result().method()).toList();
    }

    @Test
    void rowsFollowThePapersOrderWithOtherMethodsLastAsGiven() {
        Comparison comparison = Comparison.of(List.of(Outcomes.result("library-shots", 1, 2),
                Outcomes.result("zeta", 1, 2), Outcomes.result("sirius", 1, 2), Outcomes.result("alpha", 1, 2),
                Outcomes.result("single", 1, 2), Outcomes.result("sirius-no-repair", 1, 2),
                Outcomes.result("team", 1, 2)));

        assertThat(methods(comparison))
                .containsExactly("single", "team", "sirius", "sirius-no-repair", "library-shots", "zeta", "alpha");
    }

    @Test
    void eachMethodIsComparedWithSingleTaskByTaskButSingleNotWithItself() {
        Comparison comparison = Comparison.of(List.of(Outcomes.sirius(), Outcomes.single()));

        assertThat(comparison.hasSingle()).isTrue();
        assertThat(comparison.rows().get(0).vsSingle()).isEmpty();
        PairedComparison vsSingle = comparison.rows().get(1).vsSingle().orElseThrow();
        assertThat(vsSingle.onlyAfter()).isEqualTo(9);
        assertThat(vsSingle.onlyBefore()).isEqualTo(2);
        assertThat(vsSingle.both()).isEqualTo(20);
        assertThat(vsSingle.neither()).isEqualTo(9);
        // P(X <= 2) for X ~ Bin(11, 1/2) is 67/2048; two-sided 0.0654296875
        assertThat(vsSingle.signTestP()).isCloseTo(0.0654296875, within(1e-12));
    }

    @Test
    void onlyTheTasksBothEvaluatedArePaired() {
        MethodResult single = new MethodResult("single", "", Outcomes.from(0, "0000011111"));
        MethodResult star = new MethodResult("star", "", Outcomes.from(5, "0011111111"));

        PairedComparison vsSingle = Comparison.of(List.of(single, star)).rows().get(1).vsSingle().orElseThrow();

        // t5-t9: single 11111, star 00111
        assertThat(vsSingle.paired()).isEqualTo(5);
        assertThat(vsSingle.onlyAfter()).isZero();
        assertThat(vsSingle.onlyBefore()).isEqualTo(2);
    }

    @Test
    void withoutSingleNoMethodIsPaired() {
        Comparison comparison = Comparison.of(List.of(Outcomes.sirius(), Outcomes.result("team", 3, 40)));

        assertThat(comparison.hasSingle()).isFalse();
        assertThat(methods(comparison)).containsExactly("team", "sirius");
        assertThat(comparison.rows()).allSatisfy(row -> assertThat(row.vsSingle()).isEmpty());
    }

    @Test
    void nothingToCompareOrAMethodTwiceIsRefused() {
        assertThatThrownBy(() -> Comparison.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no method results");
        assertThatThrownBy(() -> Comparison.of(List.of(Outcomes.sirius(), Outcomes.result("sirius", 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("method sirius given twice");
    }
}
