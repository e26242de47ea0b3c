package org.itera.llm.shots;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.team.AgentCaller;
import org.itera.core.team.ShotsRule.Shots;
import org.itera.core.team.TeamCatalog;
import org.itera.llm.LlmConfig;
import org.itera.llm.LlmConfigs;
import org.itera.llm.LlmMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * library-shots per agent from the team option {@code libraryShots} (arithmetic-shots: k 3 from
 * arithmetic) and from configuration, which wins when above 0; the calls of a -shots agent show the
 * from-team agent's entries only, never a test task's nor the task's own under the variant's prefix.
 */
class LibraryShotsTest {

    static final String SHOTS_CALCULATOR = "arithmetic-shots-calculator";
    final List<List<ChatMessage>> sent = new ArrayList<>();
    final AgentCaller model = (agent, role, messages) -> {
        sent.add(messages);
        return new Turn(role, "m", messages, "Answer: 12", TokenUsage.NONE, 5);
    };
    final List<String> feedStarts = new ArrayList<>();
    LibraryShots shots;

    @AfterEach
    void close() throws Exception {
        shots.close();
    }

    LibraryShots shots(Map<String, String> properties, TeamCatalog catalog) {
        LlmConfig config = LlmConfigs.with(properties);
        shots = new LibraryShots(config, new LlmMetrics(new SimpleMeterRegistry()), catalog, noKafka(config));
        return shots;
    }

    /** A feed that only notes its starts (LibraryFeedTest reads a real broker). */
    LibraryFeed noKafka(LlmConfig config) {
        return new LibraryFeed(config, "localhost:1", "test") {
            @Override
            public boolean startOnce(Consumer<List<FinetuneRecord>> sink) {
                feedStarts.add("started");
                return true;
            }
        };
    }

    @Test
    void theTeamOptionGivesEachVariantAgentKAndTheFromTeamsAgentOfItsRole() {
        LibraryShots shots = shots(Map.of(), TeamCatalog.standard());

        assertThat(shots.enabled()).isTrue();
        assertThat(shots.shotsFor(SHOTS_CALCULATOR)).isEqualTo(new Shots(SHOTS_CALCULATOR, "arithmetic-calculator", 3));
        assertThat(shots.shotsFor("pubmedqa-shots-solver")).isEqualTo(new Shots("pubmedqa-shots-solver", "pubmedqa-solver", 3));
        assertThat(shots.shotsOf("arithmetic-calculator")).isZero();
    }

    @Test
    void aConfiguredKWinsOverTheOptionAndKeepsItsSource() {
        LibraryShots shots = shots(Map.of("itera.llm.agents.arithmetic-shots-calculator.library-shots", "1",
                "itera.llm.agents.arithmetic-reporter.library-shots", "2"), TeamCatalog.standard());

        assertThat(shots.shotsFor(SHOTS_CALCULATOR)).isEqualTo(new Shots(SHOTS_CALCULATOR, "arithmetic-calculator", 1));
        assertThat(shots.shotsFor("arithmetic-reporter")).isEqualTo(new Shots("arithmetic-reporter", "arithmetic-reporter", 2));
    }

    @Test
    void withoutOptionOrConfigurationNoAgentHasShots() {
        TeamCatalog catalog = TeamCatalog.standard();
        LibraryShots shots = shots(Map.of(), TeamCatalog.of(List.of(catalog.team("arithmetic")), catalog.prompts()));

        assertThat(shots.enabled()).isFalse();
        assertThat(shots.forTask(task("arith-1"), model)).isSameAs(model);
        assertThat(feedStarts).isEmpty();
    }

    @Test
    void onlyATaskOfATeamWithShotsStartsTheFeed() {
        LibraryShots shots = shots(Map.of(), TeamCatalog.standard());

        assertThat(shots.forTask(task("arithmetic", "arith-1"), model)).isSameAs(model);
        assertThat(feedStarts).isEmpty();
        assertThat(shots.forTask(task("arithmetic-shots", "arith-1"), model)).isNotSameAs(model);
        assertThat(feedStarts).hasSize(1);
    }

    @Test
    void aConfiguredAgentsTaskNeedsShotsAndStartUpStartsTheFeed() {
        LibraryShots shots = shots(Map.of("itera.llm.agents.arithmetic-reporter.library-shots", "2"),
                TeamCatalog.standard());

        assertThat(shots.needsShots(task("arithmetic", "arith-1"))).isTrue();
        assertThat(shots.needsShots(task("pubmedqa", "q-1"))).isFalse();
        shots.startConfigured(null);
        assertThat(feedStarts).hasSize(1);
    }

    @Test
    void aShotsAgentIsShownTheFromTeamAgentsTrainEntriesOnlyNeverItsOwnTask() {
        LibraryShots shots = shots(Map.of(), TeamCatalog.standard());
        shots.addAll(List.of(
                Library.train("arithmetic-calculator", "arith-1", "Ann has 3 apples and buys 4 more apples.", "source"),
                Library.train("arithmetic-calculator", "arith-7", "Cy has 5 apples and buys 7 more apples.", "itself"),
                Library.record("arithmetic-calculator", "arith-8", "test", "Cy has 5 apples and buys 7 apples.", "test"),
                Library.train("arithmetic-reporter", "arith-2", "Cy has 5 apples and buys 7 more apples.", "reporter"),
                Library.train(SHOTS_CALCULATOR, "arithmetic-shots/arith-3", "Cy has 5 apples and buys 6.", "own")));

        shots.forTask(task("arithmetic-shots/arith-7"), model).call(SHOTS_CALCULATOR, "calculator",
                Library.chat("Cy has 5 apples and buys 7 more apples."));

        assertThat(shots.size()).isEqualTo(4);
        assertThat(sent).singleElement().satisfies(chat -> assertThat(chat).extracting(ChatMessage::content)
                .contains("source").doesNotContain("itself", "test", "reporter", "own").hasSize(4));
    }

    private static TaskEvent task(String id) {
        return task("arithmetic-shots", id);
    }

    private static TaskEvent task(String subject, String id) {
        return new TaskEvent(id, "problem-solving", subject, "q", null, null, "7", "train", 0);
    }
}
