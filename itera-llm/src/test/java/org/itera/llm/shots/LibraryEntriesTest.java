package org.itera.llm.shots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.junit.jupiter.api.Test;

/** Which {@code finetune-records} become library entries, and what an entry shows and is found by. */
class LibraryEntriesTest {

    @Test
    void aTrainRecordIsAnEntryShowingItsExchangeWithoutTheSystemPrompt() {
        LibraryEntry entry = Library.entry(Library.train("arithmetic-calculator", "t/1", "Ann has 3 apples.", "Answer: 3"));

        assertThat(entry.agent()).isEqualTo("arithmetic-calculator");
        assertThat(entry.taskId()).isEqualTo("t/1");
        assertThat(entry.text()).isEqualTo("Problem: Ann has 3 apples.");
        assertThat(entry.exchange()).extracting(ChatMessage::role).containsExactly("user", "assistant");
    }

    @Test
    void aTestSplitRecordIsNeverAnEntry() {
        assertThat(LibraryEntries.from(Library.record("arithmetic-calculator", "t/1", "test", "Ann has 3 apples.", "Answer: 3")))
                .isEmpty();
    }

    @Test
    void aRecordWithoutAnAgentOrAnAnswerIsNoEntry() {
        FinetuneRecord noAgent = new FinetuneRecord("x/solver", null, "arithmetic", "solver",
                List.of(ChatMessage.user("q"), ChatMessage.assistant("a")), "x@r0#0", "generated", 0);
        FinetuneRecord noAnswer = new FinetuneRecord("x/solver", "arithmetic-solver", "arithmetic", "solver",
                List.of(ChatMessage.system("s"), ChatMessage.user("q")), "x@r0#0", "generated", 0);

        assertThat(LibraryEntries.from(noAgent)).isEmpty();
        assertThat(LibraryEntries.from(noAnswer)).isEmpty();
    }

    @Test
    void aRecordThatDoesNotNameItsTaskHasItReadFromTheTrajectoryId() {
        assertThat(LibraryEntries.taskIdOf("pubmedqa/21645374@r0#2")).isEqualTo("pubmedqa/21645374");
        assertThat(LibraryEntries.taskIdOf("actor-critic:arithmetic/7@r1#0")).isEqualTo("arithmetic/7");
        FinetuneRecord old = new FinetuneRecord("competitive:ultimatum/g-17@r0#0/proposer", "ultimatum-proposer",
                "ultimatum", "proposer", List.of(ChatMessage.user("offer?"), ChatMessage.assistant("OFFER 40")),
                "competitive:ultimatum/g-17@r0#0", "generated", 0);
        assertThat(LibraryEntries.from(old)).get().extracting(LibraryEntry::taskId).isEqualTo("ultimatum/g-17");
    }
}
