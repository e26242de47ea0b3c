package org.itera.core.setting.actorcritic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeLabelTest {

    @ParameterizedTest
    @CsvSource({"true, ACCEPT, PT, true", "true, REJECT, PF, false", "false, REJECT, NT, true",
            "false, ACCEPT, NF, false", "true, UNPARSED, PF, false", "false, UNPARSED, NT, true"})
    void setsTheVerdictAgainstTheTruth(boolean actorRight, Verdict verdict, JudgeLabel label, boolean judgeRight) {
        assertThat(JudgeLabel.of(actorRight, verdict)).isEqualTo(label);
        assertThat(label.judgeRight()).isEqualTo(judgeRight);
    }
}
