package org.itera.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code itera run}'s defaults: a plain run, a round, online and offline, games. */
class RunCommandTest {

    @Test
    void aPlainOfflineRunIsTwentyArithmeticTasks() {
        assertThat(RunCommand.parse(true)).isEqualTo(new RunPlan("problem-solving", "arithmetic", null, "d1s1-add", 20, null,
                0, 900, false, false));
    }

    @Test
    void aRoundTrainsOnSixtyAndTestsOnFortyWithinFortyMinutes() {
        RunPlan plan = RunCommand.parse(true, "--round");

        assertThat(plan.limit()).isEqualTo(60);
        assertThat(plan.testLimit()).isEqualTo(40);
        assertThat(plan.timeoutSeconds()).isEqualTo(2400);
        assertThat(plan.generatedArithmetic()).isTrue();
    }

    @Test
    void onlineTheSubjectIsPubmedqaAndAGameSetsTheSetting() {
        assertThat(RunCommand.parse(false).subject()).isEqualTo("pubmedqa");
        RunPlan game = RunCommand.parse(true, "--game", "ultimatum", "--round", "--keep");
        assertThat(game.setting()).isEqualTo("competitive");
        assertThat(game.subject()).isEqualTo("ultimatum");
        assertThat(game.generatedGames()).isTrue();
        assertThat(game.keep()).isTrue();
    }

    @Test
    void givenValuesWin() {
        RunPlan plan = RunCommand.parse(true, "--file", "x.jsonl", "--subject", "gsm8k", "--limit", "5", "--offset", "7",
                "--test-limit", "3", "--timeout", "60", "--difficulty", "D2S1");

        assertThat(plan).isEqualTo(new RunPlan("problem-solving", "gsm8k", Path.of("x.jsonl").toAbsolutePath(), "d2s1", 5, 7,
                3, 60, false, false));
    }

    @Test
    void roundOffsetsKeepTheKeysTheScriptUsed() {
        assertThat(RoundOffsets.key(RunCommand.parse(true, "--round"))).isEqualTo("arithmetic-d1s1-add");
        assertThat(RoundOffsets.key(RunCommand.parse(false, "--round"))).isEqualTo("pubmedqa-train");
        assertThat(RoundOffsets.key(RunCommand.parse(true, "--round", "--setting", "actor-critic")))
                .isEqualTo("actor-critic-arithmetic-d1s1-add");
        assertThat(RoundOffsets.key(RunCommand.parse(true, "--round", "--game", "ultimatum"))).isEqualTo("competitive-ultimatum-games");
    }

    @Test
    void nothingToDoIsRefused() {
        assertThatThrownBy(() -> RunCommand.parse(true, "--limit", "0")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("nothing to do");
        assertThatThrownBy(() -> RunCommand.parse(true, "--setting", "competitive"))
                .hasMessageContaining("--setting competitive needs --game");
    }
}
