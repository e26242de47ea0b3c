package org.itera.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link ComposeIT} and {@link RealImagesIT} take from docker-compose.yml stays in step with
 * it without a Docker engine: every service of the default profile is waited for by its
 * healthcheck and its output saved, the HTTP ports are the ones its healthchecks ask, and the
 * images of the broker and the store are the file's defaults.
 */
class ComposeStackTest {

    private static final Path REPO = Path.of(System.getProperty("itera.repo.dir", ".."));
    private static Map<String, String> services;

    @BeforeAll
    static void read() throws IOException {
        String compose = Files.readString(REPO.resolve("docker-compose.yml"));
        String block = compose.substring(compose.indexOf("\nservices:\n"), compose.indexOf("\nvolumes:\n"));
        services = new LinkedHashMap<>();
        Matcher name = Pattern.compile("(?m)^  ([a-z][a-z0-9-]*):$").matcher(block);
        String previous = null;
        int start = 0;
        while (name.find()) {
            if (previous != null) {
                services.put(previous, block.substring(start, name.start()));
            }
            previous = name.group(1);
            start = name.end();
        }
        services.put(previous, block.substring(start));
        services.values().removeIf(definition -> definition.contains("profiles:"));
    }

    @Test
    void everyServiceOfTheDefaultProfileWithAHealthcheckIsWaitedFor() {
        assertThat(services).containsKeys("kafka", "kafka-init", "mongo", "generator-service");
        List<String> healthchecked = services.entrySet().stream().filter(s -> s.getValue().contains("healthcheck:"))
                .map(Map.Entry::getKey).toList();
        assertThat(ComposeStack.HEALTHCHECKED).containsExactlyInAnyOrderElementsOf(healthchecked);
        assertThat(ComposeStack.LOGGED).containsAll(services.keySet()).contains("openai-mock");
    }

    @Test
    void theServicesAreReachedOnThePortsTheirHealthchecksAsk() {
        Map<String, Integer> ready = new LinkedHashMap<>();
        services.forEach((service, definition) -> {
            Matcher port = Pattern.compile("http://localhost:(\\d+)/q/health/ready").matcher(definition);
            if (port.find()) {
                ready.put(service, Integer.parseInt(port.group(1)));
            }
        });
        assertThat(ComposeStack.PORTS).isEqualTo(ready);
    }

    @Test
    void theBrokerAndTheStoreAreComposesImages() throws IOException {
        String compose = Files.readString(REPO.resolve("docker-compose.yml"));
        Map<String, String> families = Map.of(RealImages.KAFKA, "apache/kafka:", RealImages.MONGO, "mongo:");
        families.forEach((variable, family) -> {
            String image = RealImages.image(variable);
            assertThat(image).as(variable).isNotBlank().doesNotContain("$", "{", "}");
            if (System.getenv(variable) == null) {
                assertThat(image).as(variable).startsWith(family);
                assertThat(compose).as(variable).contains("${" + variable + ":-" + image + "}");
            }
        });
    }
}
