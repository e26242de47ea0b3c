package org.itera.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.itera.core.event.Seat;
import org.itera.core.event.TaskEvent;
import org.junit.jupiter.api.Test;

class TaskRowsTest {

    @Test
    void aQuestionRowKeepsItsPartsAndDropsTheRest() {
        TaskEvent task = TaskRows.task("""
                {"id": "q1", "question": "Why?", "choices": ["yes", "no"], "context": "c", "answer": "yes",
                 "source": "x", "meta": {"a": 1}, "models": {"pubmedqa-solver": "m"}}""",
                "problem-solving", "pubmedqa", "test", 2);
        assertThat(task).isEqualTo(new TaskEvent("q1", "problem-solving", "pubmedqa", "Why?", List.of("yes", "no"), "c",
                "yes", "test", 2));
    }

    @Test
    void aGameRowKeepsItsGameSeedOverridesAndSeats() {
        TaskEvent task = TaskRows.task("""
                {"id": "g1", "game": "ultimatum", "seed": 7, "overrides": {"moves": 4}, "seats": [{"agent": "ultimatum-x"}]}""",
                "competitive", "ultimatum", "train", null);
        assertThat(task.game()).isEqualTo("ultimatum");
        assertThat(task.seed()).isEqualTo(7L);
        assertThat(task.overrides()).isEqualTo(Map.of("moves", 4));
        assertThat(task.seats()).containsExactly(new Seat("ultimatum-x", null));
        assertThat(task.question()).isNull();
    }

    @Test
    void aLineThatIsNoObjectOrOfTheWrongShapeIsAnInvalidTask() {
        assertThatThrownBy(() -> TaskRows.task("[1, 2]", "problem-solving", "pubmedqa", "train", null))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("not a JSON object: ARRAY");
        assertThatThrownBy(() -> TaskRows.task("{not json", "problem-solving", "pubmedqa", "train", null))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> TaskRows.task("{\"seed\": \"soon\"}", "competitive", "ultimatum", "train", null))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("not a task row");
    }
}
