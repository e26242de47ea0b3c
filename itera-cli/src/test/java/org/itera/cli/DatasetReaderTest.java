package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.task.TaskValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    private static DatasetReader reader(String subject, String split, Integer round) {
        return new DatasetReader(new TaskValidator(TestData.SUBJECTS), subject, split, round);
    }

    private static DatasetBatch read(DatasetReader reader, List<String> lines, int offset, int limit)
            throws IOException {
        return reader.read(new BufferedReader(new StringReader(String.join("\n", lines))), offset, limit);
    }

    @Test
    void mapsAPubMedQaLine() throws IOException {
        String line = TestData.firstLines(TestData.pubmedqa(), 1).get(0);
        JsonNode raw = Json.mapper().readTree(line);

        TaskEvent task = reader("pubmedqa", "train", null).toTask(line);

        assertThat(task.id()).isEqualTo(raw.get("id").asText()).startsWith("pubmedqa/");
        assertThat(task.setting()).isEqualTo("problem-solving");
        assertThat(task.subject()).isEqualTo("pubmedqa");
        assertThat(task.split()).isEqualTo("train");
        assertThat(task.round()).isZero();
        assertThat(task.question()).isEqualTo(raw.get("question").asText());
        assertThat(task.context()).isEqualTo(raw.get("context").asText());
        assertThat(task.choices()).containsExactly("yes", "no", "maybe");
        assertThat(task.answer()).isIn("yes", "no", "maybe").isEqualTo(raw.get("answer").asText());
    }

    @Test
    void writesOnlyTaskFields() throws IOException {
        String line = TestData.firstLines(TestData.pubmedqa(), 1).get(0);
        TaskEvent task = reader("pubmedqa", "test", 2).toTask(line);

        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(task));

        assertThat(json.has("meta")).isFalse();
        assertThat(json.has("source")).isFalse();
        assertThat(json.get("split").asText()).isEqualTo("test");
        assertThat(json.get("round").asInt()).isEqualTo(2);
    }

    @Test
    void mapsGsm8kLinesWithoutChoicesOrContext() throws IOException {
        List<String> lines = TestData.firstLines(TestData.gsm8k(), 3);

        DatasetBatch batch = read(reader("gsm8k", "train", null), lines, 0, -1);

        assertThat(batch.invalid()).isEmpty();
        assertThat(batch.tasks()).extracting(TaskEvent::id)
                .containsExactly("gsm8k/train/0", "gsm8k/train/1", "gsm8k/train/2");
        assertThat(batch.tasks().get(0).answer()).isEqualTo(TestData.field(lines.get(0), "answer")).isNotBlank();
        assertThat(batch.tasks().get(0).choices()).isNull();
        assertThat(batch.tasks().get(0).context()).isNull();
    }

    @Test
    void readsTheWholeFileOrAWindowOfIt() throws IOException {
        Path file = TestData.pubmedqa();
        List<String> first = TestData.firstLines(file, 8);
        DatasetReader reader = reader("pubmedqa", "train", null);

        assertThat(reader.read(file, 0, -1).tasks()).hasSize(TestData.rowCount(file)).hasSizeGreaterThan(8);
        DatasetBatch window = reader.read(file, 5, 3);

        assertThat(window.linesRead()).isEqualTo(3);
        assertThat(window.tasks()).extracting(TaskEvent::id)
                .containsExactlyElementsOf(first.subList(5, 8).stream().map(TestData::idOf).toList());
    }

    @Test
    void reportsInvalidLinesWithTheirNumbersAndKeepsTheRest(@TempDir Path dir) throws IOException {
        List<String> rows = TestData.firstLines(TestData.pubmedqa(), 3);
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, List.of(
                rows.get(0),
                withoutAnswer(rows.get(1)),
                "",
                "{\"id\": \"broken\", \"question\": ",
                rows.get(2),
                "[1, 2, 3]"));

        DatasetBatch batch = reader("pubmedqa", "train", null).read(file, 0, -1);

        assertThat(batch.tasks()).extracting(TaskEvent::id)
                .containsExactly(TestData.idOf(rows.get(0)), TestData.idOf(rows.get(2)));
        assertThat(batch.invalid()).extracting(InvalidLine::lineNumber).containsExactly(2, 4, 6);
        assertThat(batch.invalid().get(0).describe()).isEqualTo("line 2: missing answer");
        assertThat(batch.invalid().get(1).describe()).startsWith("line 4: not a JSON object");
        assertThat(batch.invalid().get(2).describe()).startsWith("line 6: not a JSON object");
    }

    @Test
    void refusesEveryLineOfAnUnknownSubject() throws IOException {
        List<String> rows = TestData.firstLines(TestData.pubmedqa(), 2);

        DatasetBatch batch = read(reader("biology", "train", null), rows, 0, -1);

        assertThat(batch.tasks()).isEmpty();
        assertThat(batch.invalid()).extracting(InvalidLine::lineNumber).containsExactly(1, 2);
        assertThat(batch.invalid().get(0).reasons()).singleElement().asString()
                .startsWith("unknown subject 'biology'");
    }

    @Test
    void countsOffsetAndLimitOverNonBlankLines() throws IOException {
        List<String> lines = List.of(
                "{\"id\":\"t/1\",\"question\":\"q1\",\"answer\":\"1\"}",
                "   ",
                "{\"id\":\"t/2\",\"question\":\"q2\",\"answer\":\"2\"}",
                "{\"id\":\"t/3\",\"question\":\"\",\"answer\":\"3\"}",
                "{\"id\":\"t/4\",\"question\":\"q4\",\"answer\":\"4\"}");

        DatasetBatch batch = read(reader("gsm8k", "train", 1), lines, 1, 2);

        assertThat(batch.tasks()).extracting(TaskEvent::id).containsExactly("t/2");
        assertThat(batch.tasks().get(0).round()).isEqualTo(1);
        assertThat(batch.invalid()).singleElement()
                .isEqualTo(new InvalidLine(4, List.of("missing question")));
    }


    private static String withoutAnswer(String line) throws IOException {
        ObjectNode node = (ObjectNode) Json.mapper().readTree(line);
        node.remove("answer");
        return Json.mapper().writeValueAsString(node);
    }
}
