package org.itera.modelserver.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model-server with the fake trainer ({@code src/test/resources/fake-trainer.sh}) and a data
 * directory of its own under target/. The fake writes {@code <job-id>.pid} and {@code <job-id>.args}
 * into {@link #RUN_DIR}.
 */
public class FakeTrainerProfile implements QuarkusTestProfile {

    public static final Path DATA_DIR = freshDir("fake-trainer-data");
    public static final Path RUN_DIR = freshDir("fake-trainer-runs");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("itera.model-server.data-dir", DATA_DIR.toString(),
                "itera.model-server.trainer.command", "bash," + script() + "," + RUN_DIR,
                "itera.model-server.trainer.stop-timeout", "10s",
                // one fine-tuned model in memory at a time: every switch evicts
                "itera.model-server.fine-tuned.max-loaded", "1");
    }

    public static Path script() {
        try {
            return Path.of(FakeTrainerProfile.class.getResource("/fake-trainer.sh").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new directory under target/ for this test JVM. The choice is kept in a system property, as
     * Quarkus loads this class in more than one class loader and all of them must agree.
     */
    static synchronized Path freshDir(String name) {
        String key = "itera.test.dir." + name;
        String chosen = System.getProperty(key);
        if (chosen == null) {
            try {
                Path target = Path.of("target").toAbsolutePath();
                Files.createDirectories(target);
                chosen = Files.createTempDirectory(target, name + "-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(key, chosen);
        }
        return Path.of(chosen);
    }
}
