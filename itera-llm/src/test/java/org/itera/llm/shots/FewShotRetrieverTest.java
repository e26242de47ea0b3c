package org.itera.llm.shots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.setting.TurnRequest;
import org.itera.core.team.AgentCaller;
import org.itera.core.team.ShotsRule.Shots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task's calls with library-shots: each agent gets its source agent's (by default its own) k most
 * similar entries as earlier turns after its system prompt; never an entry of a test task or of the
 * task itself, also under a variant's prefix; the turn records the agent's own chat.
 */
class FewShotRetrieverTest {

    final ExperienceIndex index = new ExperienceIndex();
    final Map<String, Integer> shots = new HashMap<>(Map.of("arithmetic-calculator", 1));
    final Map<String, Integer> used = new HashMap<>();
    final Map<String, String> sources = new HashMap<>();
    final FewShotRetriever retriever = new FewShotRetriever(index,
            agent -> new Shots(agent, sources.getOrDefault(agent, agent), shots.getOrDefault(agent, 0)),
            (agent, n) -> used.merge(agent, n, Integer::sum));
    final List<List<ChatMessage>> sent = new ArrayList<>();
    final AgentCaller model = (agent, role, messages) -> {
        sent.add(messages);
        return new Turn(role, "gpt-4o-mini", messages, "Answer: 12", TokenUsage.NONE, 5);
    };

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    void library(String agent, String taskId, String split, String question, String answer) {
        LibraryEntries.from(Library.record(agent, taskId, split, question, answer)).ifPresent(index::add);
    }

    @Test
    void theCallGetsTheAgentsMostSimilarEntryAsAnEarlierExchangeAndRecordsItsOwnChat() {
        library("arithmetic-calculator", "t/apples", "train", "Ann has 3 apples and buys 4 more apples.", "3 + 4 = 7\nAnswer: 7");
        library("arithmetic-calculator", "t/trains", "train", "A train travels 60 km in 2 hours.", "Answer: 30");
        library("arithmetic-reporter", "t/apples2", "train", "Cy has 5 apples and buys 7 more apples.", "Answer: 12");
        List<ChatMessage> chat = Library.chat("Cy has 5 apples and buys 7 more apples.");

        Turn turn = retriever.forTask("t/new", model).call("arithmetic-calculator", "calculator", chat);

        assertThat(sent).singleElement().isEqualTo(List.of(chat.get(0),
                ChatMessage.user("Problem: Ann has 3 apples and buys 4 more apples."),
                ChatMessage.assistant("3 + 4 = 7\nAnswer: 7"), chat.get(1)));
        assertThat(turn.messages()).isEqualTo(chat);
        assertThat(turn.output()).isEqualTo("Answer: 12");
        assertThat(used).containsExactly(Map.entry("arithmetic-calculator", 1));
    }

    @Test
    void testSplitTasksAreNeverDemonstrations() {
        library("arithmetic-calculator", "t/test", "test", "Cy has 5 apples and buys 7 more apples.", "Answer: 12");
        library("arithmetic-calculator", "t/train", "train", "A train travels 60 km in 2 hours.", "Answer: 30");

        retriever.forTask("t/new", model).call("arithmetic-calculator", "calculator",
                Library.chat("Cy has 5 apples and buys 7 more apples."));

        assertThat(sent.get(0)).extracting(ChatMessage::content).doesNotContain("Answer: 12").contains("Answer: 30");
    }

    @Test
    void theTaskIsNeverItsOwnDemonstration() {
        library("arithmetic-calculator", "t/same", "train", "Cy has 5 apples and buys 7 more apples.", "Answer: 12");

        retriever.forTask("t/same", model).call("arithmetic-calculator", "calculator",
                Library.chat("Cy has 5 apples and buys 7 more apples."));

        assertThat(sent.get(0)).isEqualTo(Library.chat("Cy has 5 apples and buys 7 more apples."));
        assertThat(used).containsExactly(Map.entry("arithmetic-calculator", 0));
    }

    @Test
    void anAgentWithoutShotsGetsItsChatUnchanged() {
        library("arithmetic-reporter", "t/1", "train", "Ann has 3 apples.", "Answer: 3");
        List<ChatMessage> chat = Library.chat("Ann has 3 apples.");

        retriever.forTask("t/new", model).call(new TurnRequest("arithmetic-reporter", "reporter", null, chat));

        assertThat(sent).containsExactly(chat);
        assertThat(used).isEmpty();
    }

    @Test
    void kShotsAreShownBestLastRightBeforeTheTask() {
        shots.put("arithmetic-calculator", 2);
        library("arithmetic-calculator", "t/close", "train", "Cy has 5 apples and buys 7 more apples.", "close");
        library("arithmetic-calculator", "t/far", "train", "Dee buys 2 apples.", "far");
        library("arithmetic-calculator", "t/none", "train", "A train travels 60 km.", "none");

        Turn turn = retriever.forTask("t/new", model).call(new TurnRequest("arithmetic-calculator", "calculator", "solve",
                Library.chat("Cy has 5 apples and buys 7 more apples.")));

        assertThat(sent.get(0)).extracting(ChatMessage::content).containsSubsequence("far", "close")
                .doesNotContain("none").hasSize(6);
        assertThat(turn.step()).isNull();
    }

    @Test
    void aVariantsAgentGetsTheEntriesOfItsSourceAgentOnlyNeverOfItsTaskUnderAnotherPrefix() {
        shots.put("arithmetic-shots-calculator", 2);
        sources.put("arithmetic-shots-calculator", "arithmetic-calculator");
        library("arithmetic-calculator", "arithmetic/arith-1", "train", "Ann has 3 apples and buys 4 more apples.", "source");
        library("arithmetic-calculator", "arith-7", "train", "Cy has 5 apples and buys 7 more apples.", "itself");
        library("arithmetic-reporter", "arith-2", "train", "Cy has 5 apples and buys 7 more apples.", "reporter");
        library("arithmetic-shots-calculator", "arithmetic-shots/arith-3", "train", "Cy has 5 apples and buys 6 more.", "own");

        retriever.forTask("arithmetic-shots/arith-7", model).call("arithmetic-shots-calculator", "calculator",
                Library.chat("Cy has 5 apples and buys 7 more apples."));

        assertThat(sent.get(0)).extracting(ChatMessage::content).contains("source")
                .doesNotContain("itself", "reporter", "own").hasSize(4);
        assertThat(used).containsExactly(Map.entry("arithmetic-shots-calculator", 1));
    }
}
