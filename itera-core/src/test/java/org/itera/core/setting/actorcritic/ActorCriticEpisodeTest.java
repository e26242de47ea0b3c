package org.itera.core.setting.actorcritic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itera.core.setting.actorcritic.Episodes.ACCEPT;
import static org.itera.core.setting.actorcritic.Episodes.FEEDBACK;
import static org.itera.core.setting.actorcritic.Episodes.REJECT;
import static org.itera.core.setting.actorcritic.Episodes.RIGHT;
import static org.itera.core.setting.actorcritic.Episodes.SETTING;
import static org.itera.core.setting.actorcritic.Episodes.TASK;
import static org.itera.core.setting.actorcritic.Episodes.UNREADABLE;
import static org.itera.core.setting.actorcritic.Episodes.WRONG;

import java.util.List;
import java.util.Map;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.Turn;
import org.itera.core.setting.ScriptedCaller;
import org.itera.core.team.TeamRunner;
import org.junit.jupiter.api.Test;

class ActorCriticEpisodeTest {

    private final ScriptedCaller caller = new ScriptedCaller();

    private List<Turn> drive(ScriptedCaller scripted) {
        return TeamRunner.drive(SETTING.start(TASK), scripted);
    }

    @Test
    void anAcceptEndsTheEpisodeAfterTheJudge() {
        ScriptedCaller scripted = new ScriptedCaller(RIGHT, ACCEPT);

        List<Turn> turns = drive(scripted);

        assertThat(scripted.agentIds()).containsExactly("arithmetic-actor", "arithmetic-judge");
        assertThat(turns).extracting(Turn::step).containsExactly("solve", "judge");
        assertThat(turns).extracting(Turn::role).containsExactly("actor", "judge");
    }

    @Test
    void aRejectBringsTheCriticThenTheActorRegeneratesAndRephrases() {
        ScriptedCaller scripted = new ScriptedCaller(WRONG, REJECT, FEEDBACK, "3 + 4 = 7, so 7.", RIGHT);

        List<Turn> turns = drive(scripted);

        assertThat(scripted.agentIds()).containsExactly("arithmetic-actor", "arithmetic-judge", "arithmetic-critic",
                "arithmetic-actor", "arithmetic-actor");
        assertThat(turns).extracting(Turn::step)
                .containsExactly("solve", "judge", "critique", "regenerate", "rephrase");
        assertThat(scripted.left()).isZero();
    }

    @Test
    void anUnreadableVerdictIsTreatedAsAReject() {
        ScriptedCaller scripted = new ScriptedCaller(RIGHT, UNREADABLE, FEEDBACK, RIGHT, RIGHT);

        assertThat(drive(scripted)).hasSize(5);
    }

    @Test
    void theJudgeAndTheCriticSeeTheActorsAnswerButNeverTheCorrectOne() {
        ScriptedCaller scripted = new ScriptedCaller("I think 3 + 4 = 8.\nAnswer: 8", REJECT, FEEDBACK, RIGHT, RIGHT);

        drive(scripted);

        ScriptedCaller.Call judge = scripted.calls.get(1);
        ScriptedCaller.Call critic = scripted.calls.get(2);
        assertThat(judge.user()).contains(TASK.question()).contains("### Proposed solution\nI think 3 + 4 = 8.");
        assertThat(critic.user()).contains("### Proposed solution\nI think 3 + 4 = 8.");
        for (ScriptedCaller.Call call : List.of(judge, critic)) {
            assertThat(call.allText()).as("call of %s", call.agentId()).doesNotContain("7");
        }
    }

    @Test
    void theRegenerationContinuesTheSolveChatWithTheFeedback() {
        ScriptedCaller scripted = new ScriptedCaller(WRONG, REJECT, FEEDBACK, "draft: 7", RIGHT);

        drive(scripted);

        List<ChatMessage> solve = scripted.calls.get(0).messages();
        List<ChatMessage> regenerate = scripted.calls.get(3).messages();
        assertThat(regenerate).hasSize(4);
        assertThat(regenerate.subList(0, 2)).isEqualTo(solve);
        assertThat(regenerate.get(2)).isEqualTo(ChatMessage.assistant(WRONG));
        assertThat(regenerate.get(3).content()).contains(FEEDBACK).contains("Answer: <number>");
    }

    @Test
    void theRephrasingSeesTheRequestAndTheDraftUnderTheActorsSystemPrompt() {
        ScriptedCaller scripted = new ScriptedCaller(WRONG, REJECT, FEEDBACK, "draft: 3 + 4 = 7", RIGHT);

        drive(scripted);

        List<ChatMessage> solve = scripted.calls.get(0).messages();
        List<ChatMessage> rephrase = scripted.calls.get(4).messages();
        assertThat(rephrase).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(rephrase.get(0)).isEqualTo(solve.get(0));
        assertThat(rephrase.get(1).content()).contains(solve.get(1).content()).contains("draft: 3 + 4 = 7")
                .doesNotContain(FEEDBACK).doesNotContain("{{");
    }

    @Test
    void moreJudgeRoundsJudgeTheRephrasedAnswerAgain() {
        ActorCriticSetting twoRounds = Episodes.withOptions(Map.of("judgeRounds", 2));
        ScriptedCaller scripted = new ScriptedCaller(WRONG, REJECT, FEEDBACK, WRONG, WRONG,
                REJECT, FEEDBACK, RIGHT, RIGHT);

        List<Turn> turns = TeamRunner.drive(twoRounds.start(TASK), scripted);

        assertThat(turns).extracting(Turn::step).containsExactly("solve", "judge", "critique", "regenerate",
                "rephrase", "judge", "critique", "regenerate", "rephrase");
        assertThat(scripted.calls.get(5).user()).contains("### Proposed solution\n" + WRONG);
    }

    @Test
    void aRepairedFirstAnswerEndsTheEpisode() {
        Turn repaired = new Turn("actor", "m", List.of(ChatMessage.user("solve")), RIGHT, null, 1, "solve");

        List<Turn> turns = TeamRunner.drive(SETTING.resume(TASK, List.of(repaired)), caller);

        assertThat(turns).containsExactly(repaired);
        assertThat(caller.calls).isEmpty();
    }

    @Test
    void itResumesOnlyFromTheActorsFirstAnswer() {
        Turn judge = new Turn("judge", "m", List.of(), ACCEPT, null, 1, "judge");

        assertThatThrownBy(() -> SETTING.resume(TASK, List.of(judge)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[judge]");
    }
}
