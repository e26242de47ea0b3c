package org.itera.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker compose up --scale <service>=N} works for the stateless services: no fixed
 * container name, and each publishes its port from a host port range (every replica takes a free
 * one) that no other service's port falls in; the topics' partitions default to
 * {@link Topics#DEFAULT_PARTITIONS}, set in one place of the file.
 */
class ComposeScaleTest {

    private static final List<String> SCALED = List.of("generator-service", "filter-service", "feedback-service");
    private static String compose;

    @BeforeAll
    static void read() throws IOException {
        compose = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("docker-compose.yml"));
    }

    @Test
    void noServiceHasAFixedContainerName() {
        assertThat(compose).doesNotContain("container_name");
    }

    @Test
    void eachScaledServicePublishesFromARangeOfItsOwn() {
        List<int[]> ranges = new ArrayList<>();
        for (String service : SCALED) {
            Matcher port = Pattern.compile("\\$\\{[A-Z_]+:-(\\d+)-(\\d+)}:(\\d+)\"").matcher(block(service));
            assertThat(port.find()).as("%s publishes a host port range", service).isTrue();
            int from = Integer.parseInt(port.group(1));
            int to = Integer.parseInt(port.group(2));
            assertThat(to - from + 1).as("%s's range", service).isGreaterThanOrEqualTo(Topics.DEFAULT_PARTITIONS);
            ranges.add(new int[] {from, to});
        }
        Matcher fixed = Pattern.compile(":-(\\d+)}:\\d+\"").matcher(compose);
        while (fixed.find()) {
            int port = Integer.parseInt(fixed.group(1));
            assertThat(ranges).as("fixed port %d", port).noneMatch(r -> port >= r[0] && port <= r[1]);
        }
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                assertThat(ranges.get(i)[1] < ranges.get(j)[0] || ranges.get(j)[1] < ranges.get(i)[0])
                        .as("%s and %s", SCALED.get(i), SCALED.get(j)).isTrue();
            }
        }
    }

    @Test
    void thePartitionCountHasOneDefaultTheLocalStacksToo() {
        Matcher defaults = Pattern.compile("KAFKA_PARTITIONS:-(\\d+)").matcher(compose);
        List<String> found = new ArrayList<>();
        while (defaults.find()) {
            found.add(defaults.group(1));
        }
        assertThat(found).containsExactly(String.valueOf(Topics.DEFAULT_PARTITIONS));
        assertThat(compose).contains("KAFKA_NUM_PARTITIONS: *partitions", "PARTITIONS: *partitions");
    }

    /** The service's lines, up to the next service (or the volumes). */
    private static String block(String service) {
        int start = compose.indexOf("\n  " + service + ":\n");
        assertThat(start).as(service).isNotNegative();
        Matcher next = Pattern.compile("\n  [a-z-]+:\n|\nvolumes:").matcher(compose);
        return next.find(start + 1) ? compose.substring(start, next.start()) : compose.substring(start);
    }
}
