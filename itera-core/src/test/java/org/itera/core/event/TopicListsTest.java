package org.itera.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The topic lists written out for Docker ({@code docker-compose.yml}'s kafka-init) and the
 * dead-letter topics filter-service's ledger reads are {@link Topics}: a topic added to one place
 * and not the others fails here, not at a user's first run. (The local stack creates its topics
 * from {@link Topics} itself: itera-cli's KafkaBroker.)
 */
class TopicListsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** Work topics are partitioned; model-updates (one writer, order matters) and every DLQ are not. */
    private static final List<String> PARTITIONED = Topics.WORK.stream()
            .filter(topic -> !topic.equals(Topics.MODEL_UPDATES)).toList();

    @Test
    void dockerComposeCreatesEveryTopic() throws IOException {
        String compose = Files.readString(REPO.resolve("docker-compose.yml"));
        Matcher loops = Pattern.compile("for t in ([^;]*);\\s*do\\s*\\n\\s*create \"\\$\\$t\" ([^\\n]*)")
                .matcher(compose);
        List<String> partitioned = new ArrayList<>();
        List<String> single = new ArrayList<>();
        while (loops.find()) {
            (loops.group(2).trim().equals("1") ? single : partitioned).addAll(words(loops.group(1)));
        }

        assertThat(partitioned).containsExactlyElementsOf(PARTITIONED);
        assertThat(concat(partitioned, single)).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void theDeadLetterLedgerReadsEveryDeadLetterTopic() throws IOException {
        String properties = Files.readString(REPO.resolve("filter-service/src/main/resources/application.properties"));

        List<String> topics = List.of(group(properties, "incoming\\.dead-letters\\.topics=([^\\n]*)").split(","));

        assertThat(topics).containsExactlyElementsOf(Topics.WORK.stream().map(Topics::dlq).toList());
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in the file", regex).isTrue();
        return matcher.group(1);
    }

    private static List<String> words(String list) {
        return Arrays.stream(list.replace("\\", " ").split("\\s+")).filter(word -> !word.isBlank()).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
