package org.itera.filter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.junit.jupiter.api.Test;

/** Library entries are written in one round trip and never twice, over the Mongo wire protocol. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class TrajectoryStoreTest {

    @Inject
    TrajectoryStore store;

    @Test
    void entriesAlreadyThereAreLeftAndNotReportedAsNew() {
        String trajectory = "pubmedqa/" + UUID.randomUUID() + "@r0#1";
        FinetuneRecord analyst = example(trajectory, "analyst");
        FinetuneRecord solver = example(trajectory, "solver");
        FinetuneRecord critic = example(trajectory, "critic");

        assertThat(store.saveExperiences(entries(analyst))).containsExactly(analyst);
        assertThat(store.saveExperiences(entries(analyst, solver, critic))).containsExactly(solver, critic);
        assertThat(store.saveExperiences(entries(solver, analyst))).isEmpty();
        assertThat(store.saveExperiences(entries())).isEmpty();
        assertThat(store.experience().countDocuments(new org.bson.Document("trajectoryId", trajectory))).isEqualTo(3);
    }

    private static FinetuneRecord example(String trajectory, String role) {
        return new FinetuneRecord(FinetuneRecord.idFor(trajectory, role), "pubmedqa-" + role, "pubmedqa", role,
                List.of(ChatMessage.system("s"), ChatMessage.user("u"), ChatMessage.assistant("a")), trajectory,
                "regenerated", 0);
    }

    /** Library entries outside any run. */
    private static List<LibraryEntry> entries(FinetuneRecord... examples) {
        return java.util.Arrays.stream(examples).map(example -> new LibraryEntry(example, null)).toList();
    }
}
