package org.itera.generator.shots;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.llm.shots.LibraryShots;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * The team option alone, no agent configured: the library feed starts with the first
 * {@code arithmetic-shots} task, which waits for the entries written before it; its calculator call
 * is shown the arithmetic calculator's library success (the reporter's and the task's own, under
 * the base's id, are not), and its reporter call the arithmetic reporter's.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class TeamShotsTest {

    @InjectOpenAiMock
    OpenAiMock llm;

    @Inject
    LibraryShots shots;

    @Test
    void aShotsTeamIsShownItsBaseTeamsLibrary() throws Exception {
        llm.server().resetAll();
        llm.replyByDefault("gpt-4o-mini-2024-07-18", "5 + 7 = 12\nAnswer: 12");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String task = "arithmetic-shots/arith-" + run;
        String library = "Ann has 3 apples and buys 4 more apples (library " + run + ").";
        String itself = "Cy has 5 apples and buys 7 more apples (itself " + run + ").";
        int before = shots.size();
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories")) {
            send(topics, record("arithmetic-calculator", "other-" + run, library, "3 + 4 = 7"));
            send(topics, record("arithmetic-calculator", "arith-" + run, itself, "5 + 7 = 12"));
            send(topics, record("arithmetic-reporter", "other-" + run, "Work: 3 + 4 = 7 (reporter " + run + ")", "Answer: 7"));

            topics.send("tasks", task, Json.mapper().createObjectNode().put("id", task).put("subject", "arithmetic-shots")
                    .put("question", "Cy has 5 apples and buys 7 more apples (" + task + ").").put("answer", "12")
                    .put("split", TaskEvent.SPLIT_TRAIN).toString());
            topics.await("trajectories", task::equals, 1, Duration.ofSeconds(30));
        }
        assertThat(shots.size()).isGreaterThanOrEqualTo(before + 3);
        List<String> calls = llm.server().findAll(postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))).stream()
                .map(LoggedRequest::getBodyAsString).filter(body -> body.contains(task)).toList();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).contains(library).doesNotContain("itself " + run, "reporter " + run);
        assertThat(calls.get(1)).contains("reporter " + run).doesNotContain(library, "itself " + run);
    }

    private static void send(TopicWatcher topics, FinetuneRecord record) throws Exception {
        topics.send("finetune-records", record.id(), Json.mapper().writeValueAsString(record));
    }

    private static FinetuneRecord record(String agent, String taskId, String question, String answer) {
        String role = agent.substring(agent.indexOf('-') + 1);
        String trajectoryId = taskId + "@r0#0";
        return new FinetuneRecord(FinetuneRecord.idFor(trajectoryId, role), agent, "arithmetic", role,
                List.of(ChatMessage.system("s"), ChatMessage.user(question), ChatMessage.assistant(answer)),
                trajectoryId, "generated", 0, taskId, TaskEvent.SPLIT_TRAIN);
    }
}
