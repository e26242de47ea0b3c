package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamRunnerTest {

    private static final TaskEvent PHYSICS = new TaskEvent("theoremqa/9", null, "physics",
            "A car accelerates from rest at 3 m/s^2 for 4 s. How far does it travel?", null, null, "24", null, null);

    /** One call the fake caller received. */
    private record Call(String agentId, String role, List<ChatMessage> messages) {
        String user() {
            return messages.get(1).content();
        }
    }

    /** A fake {@link AgentCaller} that records each call and answers "answer of <role>". */
    private static final class RecordingCaller implements AgentCaller {
        final List<Call> calls = new ArrayList<>();

        @Override
        public Turn call(String agentId, String role, List<ChatMessage> messages) {
            calls.add(new Call(agentId, role, messages));
            return new Turn(role, "model-of-" + agentId, messages, "answer of " + role, new TokenUsage(10, 5), 7);
        }

        List<String> agentIds() {
            return calls.stream().map(Call::agentId).toList();
        }
    }

    private final TeamRunner runner = new TeamRunner(TeamCatalog.standard());
    private final RecordingCaller caller = new RecordingCaller();

    private static TaskEvent taskFor(String subject) {
        return new TaskEvent(subject + "/1", null, subject, "What is 6 times 7?", null, null, "42", null, null);
    }

    private static Turn given(String role, String output) {
        return new Turn(role, "earlier-model", List.of(ChatMessage.user("earlier prompt")), output,
                TokenUsage.NONE, 99);
    }

    @Test
    void runCallsEachRoleOnceInOrderWithItsAgentId() {
        List<Turn> turns = runner.run(PHYSICS, caller);

        assertThat(caller.agentIds())
                .containsExactly("physics-physicist", "physics-mathematician", "physics-synthesizer");
        assertThat(caller.calls).extracting(Call::role).containsExactly("physicist", "mathematician", "synthesizer");
        assertThat(turns).extracting(Turn::role).containsExactly("physicist", "mathematician", "synthesizer");
        assertThat(turns).extracting(Turn::output)
                .containsExactly("answer of physicist", "answer of mathematician", "answer of synthesizer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"physics", "chemistry", "pubmedqa", "gsm8k", "arithmetic"})
    void everyTeamRunsAllItsRolesWithSubjectDashRoleAgents(String subject) {
        TeamDefinition team = TeamCatalog.standard().team(subject);

        List<Turn> turns = runner.run(taskFor(subject), caller);

        assertThat(caller.agentIds()).containsExactlyElementsOf(
                team.roleNames().stream().map(role -> subject + "-" + role).toList());
        assertThat(turns).hasSameSizeAs(team.roles());
    }

    @Test
    void runPassesEachOutputToTheLaterRolesThatSeeIt() {
        runner.run(PHYSICS, caller);

        assertThat(caller.calls.get(0).user()).doesNotContain("answer of");
        assertThat(caller.calls.get(1).user()).contains("### Physicist's analysis\nanswer of physicist")
                .doesNotContain("answer of mathematician");
        assertThat(caller.calls.get(2).user()).contains("### Physicist's analysis\nanswer of physicist")
                .contains("### Mathematician's solution\nanswer of mathematician");
    }

    @Test
    void eachCallGetsTheRenderedChatOfItsRole() {
        runner.run(PHYSICS, caller);

        for (Call call : caller.calls) {
            assertThat(call.messages()).extracting(ChatMessage::role).containsExactly("system", "user");
            assertThat(call.user()).contains(PHYSICS.question());
        }
        assertThat(caller.calls.get(0).messages().get(0).content()).startsWith("You are a physicist");
        assertThat(caller.calls.get(2).user()).contains("Answer: <number>");
    }

    @Test
    void continueFromTheFirstTurnRerunsOnlyTheLaterRoles() {
        Turn physicist = given("physicist", "REPAIRED set-up: s = a t^2 / 2");

        List<Turn> turns = runner.continueFrom(PHYSICS, List.of(physicist), caller);

        assertThat(caller.agentIds()).containsExactly("physics-mathematician", "physics-synthesizer");
        assertThat(turns).hasSize(3);
        assertThat(turns.get(0)).isSameAs(physicist);
        assertThat(turns).extracting(Turn::role).containsExactly("physicist", "mathematician", "synthesizer");
        assertThat(caller.calls.get(0).user()).contains("### Physicist's analysis\nREPAIRED set-up: s = a t^2 / 2");
        assertThat(caller.calls.get(1).user()).contains("REPAIRED set-up")
                .contains("### Mathematician's solution\nanswer of mathematician");
    }

    @Test
    void continueFromTheFirstTwoTurnsRerunsOnlyTheLastRole() {
        Turn physicist = given("physicist", "given physics");
        Turn mathematician = given("mathematician", "given maths: 24 m");

        List<Turn> turns = runner.continueFrom(PHYSICS, List.of(physicist, mathematician), caller);

        assertThat(caller.agentIds()).containsExactly("physics-synthesizer");
        assertThat(turns).hasSize(3).startsWith(physicist, mathematician);
        assertThat(turns.get(0)).isSameAs(physicist);
        assertThat(turns.get(1)).isSameAs(mathematician);
        assertThat(turns.get(2).output()).isEqualTo("answer of synthesizer");
        assertThat(caller.calls.get(0).user()).contains("given physics").contains("given maths: 24 m");
    }

    @Test
    void continueFromAllTurnsCallsNobody() {
        List<Turn> all = List.of(given("analyst", "a"), given("solver", "Answer: yes"));
        TaskEvent task = new TaskEvent("p/1", null, "pubmedqa", "Q?", List.of("yes", "no", "maybe"), "ctx", "yes",
                null, null);

        assertThat(runner.continueFrom(task, all, caller)).containsExactlyElementsOf(all);
        assertThat(caller.calls).isEmpty();
    }

    @Test
    void continueFromNothingIsAWholeRun() {
        List<Turn> fromNothing = runner.continueFrom(PHYSICS, List.of(), caller);

        assertThat(fromNothing).extracting(Turn::role).containsExactly("physicist", "mathematician", "synthesizer");
        assertThat(caller.calls).hasSize(3);
    }

    @Test
    void continueFromDoesNotChangeTheGivenList() {
        List<Turn> done = new ArrayList<>(List.of(given("physicist", "p")));

        runner.continueFrom(PHYSICS, done, caller);

        assertThat(done).hasSize(1);
    }

    @Test
    void continueFromTurnsOutOfOrderThrows() {
        List<Turn> swapped = List.of(given("mathematician", "m"), given("physicist", "p"));

        assertThatThrownBy(() -> runner.continueFrom(PHYSICS, swapped, caller))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("turn 0 is by mathematician, but team physics expects physicist");
        assertThat(caller.calls).isEmpty();
    }

    @Test
    void continueFromATurnOfAnotherTeamThrows() {
        List<Turn> wrong = List.of(given("physicist", "p"), given("calculator", "c"));

        assertThatThrownBy(() -> runner.continueFrom(PHYSICS, wrong, caller))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("turn 1 is by calculator")
                .hasMessageContaining("expects mathematician");
        assertThat(caller.calls).isEmpty();
    }

    @Test
    void continueFromMoreTurnsThanRolesThrowsAClearError() {
        List<Turn> tooMany = List.of(given("physicist", "p"), given("mathematician", "m"),
                given("synthesizer", "s"), given("synthesizer", "again"));

        assertThatThrownBy(() -> runner.continueFrom(PHYSICS, tooMany, caller))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("physics");
    }

    @Test
    void anUnknownSubjectCallsNobody() {
        TaskEvent task = taskFor("astrology");

        assertThatThrownBy(() -> runner.run(task, caller))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("astrology");
        assertThat(caller.calls).isEmpty();
    }

    @Test
    void aFailingCallStopsTheRun() {
        List<String> called = new ArrayList<>();
        AgentCaller failing = (agentId, role, messages) -> {
            called.add(agentId);
            if (role.equals("mathematician")) {
                throw new IllegalStateException("model down");
            }
            return new Turn(role, "m", messages, "ok", TokenUsage.NONE, 0);
        };

        assertThatThrownBy(() -> runner.run(PHYSICS, failing)).hasMessage("model down");
        assertThat(called).containsExactly("physics-physicist", "physics-mathematician");
    }
}
