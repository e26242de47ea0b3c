package org.itera.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each team's copy of the rows: the same tasks, ids of its own, and back again for pairing. */
class PrefixedRowsTest {

    @TempDir
    Path dir;

    @Test
    void itCopiesTheRowsAskedForWithTheIdPrefixedAndEverythingElseKept() throws Exception {
        Path source = Files.write(dir.resolve("rows.jsonl"), List.of(
                "{\"id\":\"a-1\",\"question\":\"1+1?\",\"answer\":\"2\"}", "",
                "{\"id\":\"a-2\",\"question\":\"2+2?\",\"answer\":\"4\",\"meta\":{\"seed\":2}}",
                "{\"question\":\"3+3?\",\"answer\":\"6\"}",
                "{\"id\":\"a-4\",\"question\":\"4+4?\",\"answer\":\"8\"}"));

        Path out = PrefixedRows.write(source, 1, 2, "cmp-0a1b/arithmetic-star/", dir.resolve("sub/star.jsonl"));

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(Json.mapper().readTree(lines.get(0)).path("id").asText()).isEqualTo("cmp-0a1b/arithmetic-star/a-2");
        assertThat(Json.mapper().readTree(lines.get(0)).path("meta").path("seed").asInt()).isEqualTo(2);
        assertThat(Json.mapper().readTree(lines.get(1)).path("id").asText()).isEqualTo("cmp-0a1b/arithmetic-star/row-3");
        assertThat(PrefixedRows.unprefixed("cmp-0a1b/arithmetic-star/a-2", "cmp-0a1b/arithmetic-star/")).isEqualTo("a-2");
        assertThat(PrefixedRows.unprefixed("other/a-2", "cmp-0a1b/arithmetic-star/")).isEqualTo("other/a-2");
    }

    @Test
    void aRowThatIsNoObjectIsNamed() throws Exception {
        Path source = Files.write(dir.resolve("bad.jsonl"), List.of("[1, 2]"));

        assertThatThrownBy(() -> PrefixedRows.write(source, 0, 1, "p/", dir.resolve("x.jsonl")))
                .hasMessageContaining("row 1 is not a JSON object");
    }
}
